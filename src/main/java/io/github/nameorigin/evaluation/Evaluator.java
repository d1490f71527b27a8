package io.github.nameorigin.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.Ranking;

/**
 * Scores predicted probability vectors against gold labels.
 *
 * <p>Definitions (a name may be listed under several languages):
 * <ul>
 * <li><b>top-1</b>: share of names whose most probable origin is any language they are listed
 * under; <b>top-3</b>: the same among the three most probable origins.</li>
 * <li><b>per-origin precision, recall, F1 and the confusion matrix</b> count only names listed
 * under exactly one language, whose true origin is unambiguous.</li>
 * <li><b>macro-F1</b>: the unweighted mean of the per-origin F1 over origins that have single-label
 * support or were predicted at least once; an origin with neither says nothing about the model,
 * so it is left out of the mean instead of counting as 0 (or 1).</li>
 * <li><b>ECE</b>: expected calibration error of the top guess with equal-width bins on its
 * probability: {@code sum over bins of (n_b / N) * |accuracy_b - mean confidence_b|}, where a
 * top guess is correct when it is any gold label (Guo et al. 2017,
 * <a href="https://arxiv.org/abs/1706.04599">arXiv:1706.04599</a>).</li>
 * </ul>
 * Ties between equal probabilities go to the lower origin index.
 */
public final class Evaluator {

    /** Bins of the reported expected calibration error. */
    public static final int ECE_BINS = 15;

    private Evaluator() {
    }

    /**
     * Evaluates probability vectors.
     *
     * @param origins          origin labels, in the order of the probability vectors
     * @param probabilities    one probability vector per name
     * @param goldLabels       per name, the indices of the origins it is listed under (at least one)
     * @param eceUncalibrated  ECE before calibration, or null
     * @param temperature      the temperature used to compute {@code probabilities}, or null
     * @return the report
     * @throws IllegalArgumentException when there are no names or the shapes do not match
     */
    public static EvaluationReport evaluate(List<String> origins, float[][] probabilities, List<int[]> goldLabels,
            Double eceUncalibrated, Double temperature) {
        int k = origins.size();
        check(probabilities, goldLabels, k);
        int n = probabilities.length;
        int[][] confusion = new int[k][k];
        int top1 = 0;
        int top3 = 0;
        int single = 0;
        for (int i = 0; i < n; i++) {
            int[] gold = goldLabels.get(i);
            int[] ranked = Ranking.topIndices(probabilities[i], Math.min(3, k));
            if (Ranking.contains(gold, ranked[0])) {
                top1++;
            }
            for (int r : ranked) {
                if (Ranking.contains(gold, r)) {
                    top3++;
                    break;
                }
            }
            if (gold.length == 1) {
                confusion[gold[0]][ranked[0]]++;
                single++;
            }
        }
        List<EvaluationReport.OriginScore> perOrigin = new ArrayList<>(k);
        double f1Sum = 0;
        int f1Count = 0;
        for (int c = 0; c < k; c++) {
            int support = 0;
            int predicted = 0;
            for (int j = 0; j < k; j++) {
                support += confusion[c][j];
                predicted += confusion[j][c];
            }
            int tp = confusion[c][c];
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perOrigin.add(new EvaluationReport.OriginScore(origins.get(c), precision, recall, f1, support, predicted));
            if (support > 0 || predicted > 0) {
                f1Sum += f1;
                f1Count++;
            }
        }
        double macroF1 = f1Count == 0 ? 0 : f1Sum / f1Count;
        double ece = expectedCalibrationError(probabilities, goldLabels, ECE_BINS);
        return new EvaluationReport(n, single, (double) top1 / n, (double) top3 / n, macroF1, ece,
                eceUncalibrated, temperature, origins, perOrigin, confusion, Instant.now());
    }

    /**
     * Expected calibration error of the top guess.
     *
     * @param probabilities one probability vector per name
     * @param goldLabels    per name, the indices of the origins it is listed under
     * @param bins          number of equal-width confidence bins over [0, 1]
     * @return the error, between 0 and 1 (0 when there are no names)
     */
    public static double expectedCalibrationError(float[][] probabilities, List<int[]> goldLabels, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive");
        }
        if (probabilities.length != goldLabels.size()) {
            throw new IllegalArgumentException("probabilities and goldLabels differ in length");
        }
        int n = probabilities.length;
        if (n == 0) {
            return 0;
        }
        int[] count = new int[bins];
        double[] confidence = new double[bins];
        int[] correct = new int[bins];
        for (int i = 0; i < n; i++) {
            int top = Ranking.topIndices(probabilities[i], 1)[0];
            double p = probabilities[i][top];
            int b = Math.min(bins - 1, Math.max(0, (int) (p * bins)));
            count[b]++;
            confidence[b] += p;
            if (Ranking.contains(goldLabels.get(i), top)) {
                correct[b]++;
            }
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correct[b] - confidence[b]) / n;
            }
        }
        return ece;
    }

    private static void check(float[][] probabilities, List<int[]> goldLabels, int k) {
        if (k == 0) {
            throw new IllegalArgumentException("No origins");
        }
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("No names to evaluate");
        }
        if (probabilities.length != goldLabels.size()) {
            throw new IllegalArgumentException("probabilities and goldLabels differ in length");
        }
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i].length != k) {
                throw new IllegalArgumentException("Probability vector " + i + " has " + probabilities[i].length
                        + " entries, expected " + k);
            }
            int[] gold = goldLabels.get(i);
            if (gold == null || gold.length == 0) {
                throw new IllegalArgumentException("Name " + i + " has no gold label");
            }
            for (int g : gold) {
                if (g < 0 || g >= k) {
                    throw new IllegalArgumentException("Name " + i + " has gold label " + g + " outside 0.." + (k - 1));
                }
            }
        }
    }
}
