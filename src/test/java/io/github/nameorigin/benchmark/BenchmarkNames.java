package io.github.nameorigin.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Realistic surnames of every origin, cycled to fill a batch, so padding and sequence lengths
 * look like real traffic (3 to 13 characters).
 */
final class BenchmarkNames {

    static final List<String> NAMES = List.of(
            "Nakamura", "Schmidt", "O'Connor", "Rossi", "Dvorak", "Kowalski", "Nguyen", "Papadopoulos",
            "Smith", "Dubois", "Garcia", "Ivanov", "Kim", "Wang", "Haddad", "Silva",
            "MacDonald", "Van der Berg", "Yamamoto", "Novak", "Esposito", "Fitzgerald", "Lefebvre", "Muller",
            "Zhang", "Park", "Tran", "Nowak", "Fernandes", "Petrov", "Campbell", "De Jong",
            "Abadi", "Ricci", "Svoboda", "Tanaka", "Wojcik", "Karagiannis", "Lopez", "Kuznetsov",
            "Brown", "Moreau", "Fischer", "Murphy", "Pham", "Choi", "Chen", "Santos");

    private BenchmarkNames() {
    }

    /** The first {@code size} names of the cycled list. */
    static List<String> batch(int size) {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(NAMES.get(i % NAMES.size()));
        }
        return out;
    }
}
