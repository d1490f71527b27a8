package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Orders an epoch's examples into batches of names of similar length (bucketing), so little
 * time goes into padding: shuffle, stable-sort by length, cut into batches, shuffle the batches.
 * Deterministic for a given {@link Random}.
 */
final class BatchPlan {

    private BatchPlan() {
    }

    /**
     * The batches of one epoch.
     *
     * @param examples  the training examples
     * @param batchSize examples per batch (the last of a length run may be smaller)
     * @param random    the seeded source of the order
     * @return the batches
     */
    static List<List<Example>> epoch(List<Example> examples, int batchSize, Random random) {
        List<Example> order = new ArrayList<>(examples);
        Collections.shuffle(order, random);
        order.sort(Comparator.comparingInt(e -> e.encoded().length));
        List<List<Example>> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            batches.add(order.subList(from, Math.min(order.size(), from + batchSize)));
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /**
     * Number of batches per epoch.
     *
     * @param examples  example count
     * @param batchSize examples per batch
     * @return batches
     */
    static int batchesPerEpoch(int examples, int batchSize) {
        return (examples + batchSize - 1) / batchSize;
    }
}
