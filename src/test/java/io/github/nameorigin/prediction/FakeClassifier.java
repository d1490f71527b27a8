package io.github.nameorigin.prediction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.nameorigin.model.OriginClassifier;

/**
 * A deterministic stand-in for the network: a few known surnames get their real origin on top;
 * any other name gets origin {@code length % 5}. The top origin has 0.6, the rest share 0.4 in
 * decreasing amounts. Records every predict call so tests can see how names were batched.
 */
class FakeClassifier implements OriginClassifier {

    static final List<String> ORIGINS = List.of("Japanese", "German", "English", "Italian", "Arabic");
    private static final Map<String, Integer> KNOWN = Map.of("Nakamura", 0, "Schmidt", 1, "Smith", 2, "Rossi", 3,
            "Haddad", 4);
    private static final float[] SHARES = {0.6f, 0.2f, 0.1f, 0.06f, 0.04f};

    private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> threads = Collections.synchronizedList(new ArrayList<>());

    @Override
    public List<String> origins() {
        return ORIGINS;
    }

    @Override
    public boolean isUsable(String name) {
        return name.chars().anyMatch(Character::isLetter);
    }

    @Override
    public float[][] predict(List<String> names) {
        calls.add(List.copyOf(names));
        threads.add(Thread.currentThread().getName());
        float[][] out = new float[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            out[i] = vector(topIndex(names.get(i)));
        }
        return out;
    }

    /** Names that look like none of the origins to this fake: those with a "q" in them. */
    @Override
    public double[] unknownScores(List<String> names, float[][] probabilities) {
        return names.stream().mapToDouble(n -> n.toLowerCase(java.util.Locale.ROOT).contains("q") ? 0.9 : 0.1)
                .toArray();
    }

    static int topIndex(String name) {
        return KNOWN.getOrDefault(name, name.length() % ORIGINS.size());
    }

    static String topOrigin(String name) {
        return ORIGINS.get(topIndex(name));
    }

    /** The top origin first, then the others in a fixed rotation with smaller shares. */
    private static float[] vector(int top) {
        float[] p = new float[ORIGINS.size()];
        for (int rank = 0; rank < ORIGINS.size(); rank++) {
            p[(top + rank) % ORIGINS.size()] = SHARES[rank];
        }
        return p;
    }

    List<List<String>> calls() {
        return calls;
    }

    List<String> threads() {
        return threads;
    }
}
