package io.github.nameorigin.model;

import java.util.List;

/**
 * Temperature scaling (Guo et al. 2017, <a href="https://arxiv.org/abs/1706.04599">arXiv:1706.04599</a>):
 * one scalar {@code T} divides the log-probabilities (or logits; the two give the same softmax)
 * before the softmax, fitted on validation names to minimise the negative log-likelihood. It
 * changes confidence, never the ranking, so top-k accuracy and F1 are unaffected.
 *
 * <p>For a name listed under several languages, the likelihood is the summed probability of all
 * its gold labels (any of them is a correct answer), which is consistent with how top-1 counts
 * a hit. The search runs over {@code log T} in [ln 0.05, ln 10]: a coarse grid finds the basin
 * (the NLL is not guaranteed to be unimodal on real data), then golden-section search refines it.
 */
public final class TemperatureScaling {

    /** Smallest temperature considered. */
    public static final float MIN_TEMPERATURE = 0.05f;
    /** Largest temperature considered. */
    public static final float MAX_TEMPERATURE = 10f;

    private static final int GRID = 64;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private TemperatureScaling() {
    }

    /**
     * Fits the temperature that minimises the validation NLL.
     *
     * @param logProbabilities per name, log-probabilities (or logits) over the origins
     * @param goldLabels       per name, the indices of the origins it is listed under
     * @return the temperature, in [{@value #MIN_TEMPERATURE}, {@value #MAX_TEMPERATURE}]; 1 when
     *         there are no names
     */
    public static float fit(float[][] logProbabilities, List<int[]> goldLabels) {
        if (logProbabilities.length != goldLabels.size()) {
            throw new IllegalArgumentException("logProbabilities and goldLabels differ in length");
        }
        if (logProbabilities.length == 0) {
            return 1f;
        }
        double lo = Math.log(MIN_TEMPERATURE);
        double hi = Math.log(MAX_TEMPERATURE);
        double step = (hi - lo) / GRID;
        int best = 0;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            double nll = negativeLogLikelihood(logProbabilities, goldLabels, Math.exp(lo + i * step));
            if (nll < bestNll) {
                bestNll = nll;
                best = i;
            }
        }
        if (Double.isInfinite(bestNll) || Double.isNaN(bestNll)) {
            return 1f; // a gold label with probability exactly 0 at every T: nothing to fit
        }
        double a = lo + Math.max(0, best - 1) * step;
        double b = lo + Math.min(GRID, best + 1) * step;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = negativeLogLikelihood(logProbabilities, goldLabels, Math.exp(c));
        double fd = negativeLogLikelihood(logProbabilities, goldLabels, Math.exp(d));
        for (int i = 0; i < 40 && b - a > 1e-5; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = negativeLogLikelihood(logProbabilities, goldLabels, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = negativeLogLikelihood(logProbabilities, goldLabels, Math.exp(d));
            }
        }
        double refined = (a + b) / 2;
        double t = negativeLogLikelihood(logProbabilities, goldLabels, Math.exp(refined)) <= bestNll
                ? Math.exp(refined) : Math.exp(lo + best * step);
        return (float) Math.min(MAX_TEMPERATURE, Math.max(MIN_TEMPERATURE, t));
    }

    /**
     * Mean negative log-likelihood of the gold labels under {@code softmax(logp / T)}.
     *
     * @param logProbabilities per name, log-probabilities (or logits)
     * @param goldLabels       per name, the gold label indices (their probabilities are summed)
     * @param temperature      the temperature, positive
     * @return the mean NLL in nats
     */
    public static double negativeLogLikelihood(float[][] logProbabilities, List<int[]> goldLabels,
            double temperature) {
        double sum = 0;
        for (int i = 0; i < logProbabilities.length; i++) {
            float[] z = logProbabilities[i];
            int[] gold = goldLabels.get(i);
            double all = logSumExp(z, null, temperature);
            double hit = logSumExp(z, gold, temperature);
            sum += all - hit;
        }
        return sum / logProbabilities.length;
    }

    /**
     * Numerically stable {@code softmax(logp / T)}.
     *
     * @param logProbabilities log-probabilities (or logits)
     * @param temperature      the temperature, positive; 1 leaves log-probabilities' softmax as is
     * @return probabilities summing to 1
     */
    public static float[] softmax(float[] logProbabilities, float temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive: " + temperature);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logProbabilities) {
            max = Math.max(max, v / (double) temperature);
        }
        double[] e = new double[logProbabilities.length];
        double sum = 0;
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.exp(logProbabilities[i] / (double) temperature - max);
            sum += e[i];
        }
        float[] out = new float[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = (float) (e[i] / sum);
        }
        return out;
    }

    /**
     * Applies {@link #softmax(float[], float)} to every row.
     *
     * @param logProbabilities per name, log-probabilities (or logits)
     * @param temperature      the temperature
     * @return per name, probabilities
     */
    public static float[][] softmax(float[][] logProbabilities, float temperature) {
        float[][] out = new float[logProbabilities.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = softmax(logProbabilities[i], temperature);
        }
        return out;
    }

    /** log(sum over the chosen indices, or all when null, of exp(z / T)), computed stably. */
    private static double logSumExp(float[] z, int[] indices, double temperature) {
        int n = indices == null ? z.length : indices.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, z[indices == null ? j : indices[j]] / temperature);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp(z[indices == null ? j : indices[j]] / temperature - max);
        }
        return max + Math.log(sum);
    }
}
