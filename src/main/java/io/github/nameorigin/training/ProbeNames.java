package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.List;

import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;

/**
 * The names whose probabilities a checkpoint records for its load check: the first validation
 * names of each origin (the split is already shuffled with the seed), so that every origin's
 * output is exercised and the choice is the same for the same split.
 */
final class ProbeNames {

    /** Probe names taken per origin: 2 × 18 origins gives a few dozen. */
    static final int PER_ORIGIN = 2;

    private ProbeNames() {
    }

    /**
     * Picks the probe names of a split.
     *
     * @param split   the split the model was validated on
     * @param origins how many origins the dataset has
     * @return up to {@link #PER_ORIGIN} validation names per origin, as the dataset spells them
     */
    static List<String> of(DatasetSplit split, int origins) {
        int[] taken = new int[origins];
        List<String> names = new ArrayList<>();
        for (NamesDataset.LabelledName name : split.validation()) {
            if (taken[name.primary()]++ < PER_ORIGIN) {
                names.add(name.name());
            }
        }
        return List.copyOf(names);
    }
}
