package io.github.nameorigin.model;

import java.util.Arrays;
import java.util.List;

/**
 * Split conformal prediction sets, fitted on validation names: regularised adaptive prediction
 * sets (RAPS, Angelopoulos et al. 2021, <a href="https://arxiv.org/abs/2009.14193">arXiv:2009.14193</a>)
 * without randomisation, so a name always gets the same set.
 *
 * <p>A name's origins are ranked by probability; origin {@code y} at rank {@code r} (1-based)
 * scores {@code E(y) = p(1) + ... + p(r) + lambda * max(0, r - kReg)}. The calibration names'
 * scores are those of their true origin (the lowest, for a name listed under several). For a
 * coverage {@code 1 - alpha} the threshold is the {@code ceil((n + 1)(1 - alpha))}-th smallest of
 * the {@code n} stored scores, and the set is every origin scoring at or below it, the top
 * origin always included. On names exchangeable with the calibration names, the set then holds
 * the true origin with probability at least {@code 1 - alpha}.
 *
 * @param lambda    penalty per origin beyond the first {@code kReg}; 0 gives plain adaptive sets
 * @param kReg      origins a set holds before the penalty starts
 * @param scores    the calibration names' scores, ascending
 * @param checks    coverage and mean set size measured by cross-fitting on the calibration names
 * @param selective accuracy of the top guess when only the most confident answers are kept
 */
public record PredictionSets(double lambda, int kReg, float[] scores, List<CoverageCheck> checks,
        List<SelectivePoint> selective) {

    /**
     * Coverage and size of sets at one target, on names the threshold was not fitted on.
     *
     * @param target       the coverage asked for
     * @param coverage     share of names whose set holds a true origin
     * @param meanSize     mean number of origins per set
     * @param singletons   share of sets with one origin
     */
    public record CoverageCheck(double target, double coverage, double meanSize, double singletons) {
    }

    /**
     * One point of the selective accuracy curve.
     *
     * @param answered       share of names answered: those whose top probability is at least
     *                       {@code minProbability}
     * @param accuracy       top-1 accuracy on them
     * @param minProbability the lowest top probability answered
     */
    public record SelectivePoint(double answered, double accuracy, double minProbability) {
    }

    /**
     * Checks the scores are sorted.
     */
    public PredictionSets {
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] < scores[i - 1]) {
                throw new IllegalArgumentException("scores must be ascending");
            }
        }
        checks = checks == null ? List.of() : List.copyOf(checks);
        selective = selective == null ? List.of() : List.copyOf(selective);
    }

    /**
     * The score threshold for a coverage.
     *
     * @param coverage the coverage asked for, in (0, 1)
     * @return the threshold; infinite when there are too few calibration names for that coverage
     */
    public double threshold(double coverage) {
        return threshold(scores, coverage);
    }

    /** The {@code ceil((n + 1) * coverage)}-th smallest of sorted scores, or infinity past the last. */
    static double threshold(float[] sorted, double coverage) {
        int n = sorted.length;
        int k = (int) Math.ceil((n + 1) * coverage - 1e-9);
        return k > n ? Double.POSITIVE_INFINITY : sorted[Math.max(0, k - 1)];
    }

    /**
     * The prediction set of one name.
     *
     * @param probabilities the name's calibrated probabilities
     * @param coverage      the coverage asked for, in (0, 1)
     * @return origin indices, most probable first
     */
    public int[] set(float[] probabilities, double coverage) {
        return set(probabilities, threshold(coverage), lambda, kReg);
    }

    static int[] set(float[] probabilities, double threshold, double lambda, int kReg) {
        int[] order = ranking(probabilities);
        double cumulative = probabilities[order[0]];
        int size = 1;
        while (size < order.length) {
            cumulative += probabilities[order[size]];
            if (cumulative + lambda * Math.max(0, size + 1 - kReg) > threshold) {
                break;
            }
            size++;
        }
        return Arrays.copyOf(order, size);
    }

    /**
     * The score of a name's true origin: the lowest over its origins.
     *
     * @param probabilities the name's calibrated probabilities
     * @param gold          the origins it is listed under
     * @param lambda        penalty per origin beyond {@code kReg}
     * @param kReg          origins free of penalty
     * @return the score
     */
    public static double score(float[] probabilities, int[] gold, double lambda, int kReg) {
        int[] order = ranking(probabilities);
        double cumulative = 0;
        for (int rank = 0; rank < order.length; rank++) {
            cumulative += probabilities[order[rank]];
            for (int g : gold) {
                if (g == order[rank]) {
                    return cumulative + lambda * Math.max(0, rank + 1 - kReg);
                }
            }
        }
        throw new IllegalArgumentException("no gold origin among the probabilities");
    }

    /** Origin indices by descending probability; ties go to the lower index. */
    static int[] ranking(float[] probabilities) {
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> probabilities[a] != probabilities[b]
                ? Float.compare(probabilities[b], probabilities[a]) : Integer.compare(a, b));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PredictionSets sets && lambda == sets.lambda && kReg == sets.kReg
                && Arrays.equals(scores, sets.scores) && checks.equals(sets.checks) && selective.equals(sets.selective);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scores) + Double.hashCode(lambda) + kReg;
    }

    @Override
    public String toString() {
        return "PredictionSets[lambda=" + lambda + ", kReg=" + kReg + ", names=" + scores.length + "]";
    }
}
