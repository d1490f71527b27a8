package io.github.nameorigin.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.nameorigin.model.PredictionSets.CoverageCheck;
import io.github.nameorigin.model.PredictionSets.SelectivePoint;

/**
 * Fits {@link PredictionSets} on calibration names and measures them on names they were not
 * fitted on.
 *
 * <p>The penalty {@code lambda} is chosen from a small grid as the one whose sets at 0.9 are
 * smallest in a {@value #FOLDS}-fold cross-fit (fit the threshold on nine folds, measure the
 * tenth). The reported checks use the same cross-fit with the chosen penalty, so every name is
 * measured by a threshold fitted without it. The stored scores are those of all the names.
 */
public final class PredictionSetFitting {

    /** The coverages reported. */
    public static final List<Double> TARGETS = List.of(0.8, 0.9, 0.95);
    /** The coverage the penalty is chosen for. */
    static final double TUNED_FOR = 0.9;
    static final double[] LAMBDAS = {0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2};
    static final int K_REG = 1;
    static final int FOLDS = 10;
    /** Fewest calibration names to fit on: two per fold. */
    public static final int MIN_NAMES = 2 * FOLDS;
    private static final int SELECTIVE_POINTS = 20;

    private PredictionSetFitting() {
    }

    /**
     * Fits prediction sets.
     *
     * @param probabilities calibrated probabilities of names the network did not train on
     * @param gold          per name, the origins it is listed under
     * @param seed          seed of the fold assignment
     * @return the fitted sets, with their cross-fitted checks and the selective accuracy curve
     * @throws IllegalArgumentException with fewer than {@link #MIN_NAMES} names
     */
    public static PredictionSets fit(float[][] probabilities, List<int[]> gold, long seed) {
        if (probabilities.length < MIN_NAMES) {
            throw new IllegalArgumentException("Too few calibration names: " + probabilities.length);
        }
        int[] fold = folds(probabilities.length, seed);
        double bestLambda = LAMBDAS[0];
        double bestSize = Double.MAX_VALUE;
        for (double lambda : LAMBDAS) {
            double size = crossFit(probabilities, gold, fold, lambda, TUNED_FOR).meanSize();
            if (size < bestSize - 1e-9) {
                bestSize = size;
                bestLambda = lambda;
            }
        }
        List<CoverageCheck> checks = new ArrayList<>();
        for (double target : TARGETS) {
            checks.add(crossFit(probabilities, gold, fold, bestLambda, target));
        }
        return new PredictionSets(bestLambda, K_REG, sortedScores(probabilities, gold, bestLambda, null, -1),
                checks, selective(probabilities, gold));
    }

    /**
     * Coverage and size of fitted sets on other names.
     *
     * @param sets          the fitted sets
     * @param probabilities calibrated probabilities of the names
     * @param gold          per name, the origins it is listed under
     * @param target        the coverage asked for
     * @return the figures
     */
    public static CoverageCheck measure(PredictionSets sets, float[][] probabilities, List<int[]> gold, double target) {
        double threshold = sets.threshold(target);
        Tally tally = new Tally();
        for (int i = 0; i < probabilities.length; i++) {
            tally.add(PredictionSets.set(probabilities[i], threshold, sets.lambda(), sets.kReg()), gold.get(i));
        }
        return tally.check(target);
    }

    static CoverageCheck crossFit(float[][] probabilities, List<int[]> gold, int[] fold, double lambda,
            double target) {
        Tally tally = new Tally();
        for (int f = 0; f < FOLDS; f++) {
            double threshold = PredictionSets.threshold(sortedScores(probabilities, gold, lambda, fold, f), target);
            for (int i = 0; i < probabilities.length; i++) {
                if (fold[i] == f) {
                    tally.add(PredictionSets.set(probabilities[i], threshold, lambda, K_REG), gold.get(i));
                }
            }
        }
        return tally.check(target);
    }

    /** Scores of the names not in fold {@code leftOut} (all names when {@code fold} is null), ascending. */
    private static float[] sortedScores(float[][] probabilities, List<int[]> gold, double lambda, int[] fold,
            int leftOut) {
        float[] scores = new float[probabilities.length];
        int n = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (fold == null || fold[i] != leftOut) {
                scores[n++] = (float) PredictionSets.score(probabilities[i], gold.get(i), lambda, K_REG);
            }
        }
        float[] kept = Arrays.copyOf(scores, n);
        Arrays.sort(kept);
        return kept;
    }

    /**
     * Accuracy of the top guess when only the most confident answers are kept: at each of
     * {@value #SELECTIVE_POINTS} shares of names, the share kept, their accuracy and the lowest
     * top probability kept.
     *
     * @param probabilities calibrated probabilities
     * @param gold          per name, the origins it is listed under
     * @return points from the most confident 5% to all names
     */
    public static List<SelectivePoint> selective(float[][] probabilities, List<int[]> gold) {
        int n = probabilities.length;
        Integer[] order = new Integer[n];
        float[] top = new float[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            int best = PredictionSets.ranking(probabilities[i])[0];
            top[i] = probabilities[i][best];
            right[i] = contains(gold.get(i), best);
        }
        Arrays.sort(order, (a, b) -> Float.compare(top[b], top[a]));
        List<SelectivePoint> points = new ArrayList<>();
        int correct = 0;
        int next = 1;
        for (int k = 1; k <= n; k++) {
            if (right[order[k - 1]]) {
                correct++;
            }
            if (k == n || k >= Math.ceil((double) next * n / SELECTIVE_POINTS)) {
                points.add(new SelectivePoint((double) k / n, (double) correct / k, top[order[k - 1]]));
                next++;
                if (k == n) {
                    break;
                }
            }
        }
        return points;
    }

    /** A seeded, balanced assignment of names to folds. */
    private static int[] folds(int n, long seed) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(i % FOLDS);
        }
        java.util.Collections.shuffle(ids, new Random(seed));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean contains(int[] labels, int label) {
        for (int l : labels) {
            if (l == label) {
                return true;
            }
        }
        return false;
    }

    /** Running totals of covered names and set sizes. */
    private static final class Tally {
        private int names;
        private int covered;
        private long sizes;
        private int singletons;

        void add(int[] set, int[] gold) {
            names++;
            sizes += set.length;
            if (set.length == 1) {
                singletons++;
            }
            for (int origin : set) {
                if (contains(gold, origin)) {
                    covered++;
                    return;
                }
            }
        }

        CoverageCheck check(double target) {
            return new CoverageCheck(target, (double) covered / names, (double) sizes / names,
                    (double) singletons / names);
        }
    }
}
