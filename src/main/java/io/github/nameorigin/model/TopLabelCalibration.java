package io.github.nameorigin.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Top-label calibration (Gupta and Ramdas 2022, <a href="https://arxiv.org/abs/2107.08353">arXiv:2107.08353</a>):
 * a non-decreasing map from the model's top probability to the share of names whose top guess
 * was right, fitted on validation names by isotonic regression (pool-adjacent-violators) and
 * applied after temperature scaling.
 *
 * <p>Why on top of the temperature: one temperature rescales every confidence alike, but the
 * network trained with label smoothing is under-confident below 0.5 and over-confident around
 * 0.7-0.8, which no single temperature mends. The map corrects the top probability only; the other
 * origins keep their ratios and share what is left, so the probabilities still sum to 1 and the
 * ranking, hence top-k accuracy and F1, never changes (the top guess is never pushed below the
 * second).
 *
 * <p>The map is stored as knots: {@code confidence} rises, {@code accuracy} does not fall, and a
 * top probability between two knots is interpolated linearly (held flat outside them). Each
 * pooled block gives two knots, at its lowest and highest top probability, so the map is flat
 * across a block and ramps between blocks, as isotonic calibration usually is (Zadrozny and Elkan
 * 2002): names whose top probabilities fall in one block get the same calibrated one. Knots at
 * the blocks' mean top probability instead (centred isotonic regression) would give every name
 * its own value but calibrate worse out of fold (see the calibration page). Each block's accuracy
 * is smoothed to
 * {@code (hits + 1) / (names + 2)}, so a block where every guess was right still maps below 1,
 * and no value falls under {@code 1 / origins}, the least a top probability can be.
 *
 * @param confidence the knots' top probabilities, strictly increasing
 * @param accuracy   the calibrated top probability at each knot, non-decreasing
 */
public record TopLabelCalibration(float[] confidence, float[] accuracy) {

    /**
     * Checks the knots.
     *
     * @throws IllegalArgumentException when the knots are empty, of different lengths, out of
     *                                  [0, 1] or out of order
     */
    public TopLabelCalibration {
        if (confidence == null || accuracy == null || confidence.length == 0 || confidence.length != accuracy.length) {
            throw new IllegalArgumentException("calibration knots must be two non-empty arrays of one length");
        }
        // Copies in and out: the live model's map must not change under it.
        confidence = confidence.clone();
        accuracy = accuracy.clone();
        for (int i = 0; i < confidence.length; i++) {
            if (!(confidence[i] >= 0 && confidence[i] <= 1 && accuracy[i] >= 0 && accuracy[i] <= 1)) {
                throw new IllegalArgumentException("calibration knot " + i + " is outside [0, 1]");
            }
            if (i > 0 && (confidence[i] <= confidence[i - 1] || accuracy[i] < accuracy[i - 1])) {
                throw new IllegalArgumentException("calibration knot " + i + " is out of order");
            }
        }
    }

    /**
     * Fits the map on names whose probabilities are already temperature-scaled.
     *
     * @param probabilities per name, probabilities over the origins
     * @param goldLabels    per name, the origins it is listed under (a top guess among them is right)
     * @return the map, or null when there are no names to fit it on
     */
    public static TopLabelCalibration fit(float[][] probabilities, List<int[]> goldLabels) {
        if (probabilities.length != goldLabels.size()) {
            throw new IllegalArgumentException("probabilities and goldLabels differ in length");
        }
        int n = probabilities.length;
        if (n == 0) {
            return null;
        }
        double[] top = new double[n];
        boolean[] hit = new boolean[n];
        for (int i = 0; i < n; i++) {
            int best = Ranking.topIndices(probabilities[i], 1)[0];
            top[i] = probabilities[i][best];
            hit[i] = Ranking.contains(goldLabels.get(i), best);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(top[a], top[b]));
        // Pool adjacent violators: blocks of consecutive names (by top probability) whose hit
        // rates rise; a block that would fall below its left neighbour is merged into it.
        List<double[]> blocks = new ArrayList<>(); // {hits, names, lowest top, highest top}
        for (int i : order) {
            blocks.add(new double[] {hit[i] ? 1 : 0, 1, top[i], top[i]});
            while (blocks.size() > 1) {
                double[] right = blocks.get(blocks.size() - 1);
                double[] left = blocks.get(blocks.size() - 2);
                if (left[0] / left[1] < right[0] / right[1]) {
                    break;
                }
                left[0] += right[0];
                left[1] += right[1];
                left[3] = right[3];
                blocks.remove(blocks.size() - 1);
            }
        }
        float floor = 1f / probabilities[0].length;
        List<float[]> knots = new ArrayList<>();
        float level = floor;
        for (double[] block : blocks) {
            level = Math.max(level, (float) ((block[0] + 1) / (block[1] + 2)));
            addKnot(knots, (float) block[2], level);
            addKnot(knots, (float) block[3], level);
        }
        float[] confidence = new float[knots.size()];
        float[] accuracy = new float[knots.size()];
        for (int i = 0; i < knots.size(); i++) {
            confidence[i] = knots.get(i)[0];
            accuracy[i] = knots.get(i)[1];
        }
        return new TopLabelCalibration(confidence, accuracy);
    }

    /**
     * Calibrated probabilities of validation names, each from a calibration fitted without it:
     * the names are dealt into two folds (alternately, so a list grouped by origin gives each fold
     * half of every origin), and each fold gets the temperature (and, if asked, the top-label map)
     * fitted on the other. An ECE computed on these is an honest estimate for unseen names, and
     * a pessimistic one, since each half is calibrated from only half the names.
     *
     * @param logProbabilities per name, the network's log-probabilities
     * @param goldLabels       per name, the origins it is listed under
     * @param withMap          whether to apply the top-label map after the temperature
     * @return per name, out-of-fold calibrated probabilities (ranking unchanged)
     */
    public static float[][] outOfFold(float[][] logProbabilities, List<int[]> goldLabels, boolean withMap) {
        int n = logProbabilities.length;
        float[][] out = new float[n][];
        for (int fold = 0; fold < 2; fold++) {
            List<float[]> fitLogp = new ArrayList<>();
            List<int[]> fitGold = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i % 2 != fold) {
                    fitLogp.add(logProbabilities[i]);
                    fitGold.add(goldLabels.get(i));
                }
            }
            float[][] fitRows = fitLogp.toArray(new float[0][]);
            float temperature = TemperatureScaling.fit(fitRows, fitGold);
            TopLabelCalibration map = withMap ? fit(TemperatureScaling.softmax(fitRows, temperature), fitGold) : null;
            for (int i = fold; i < n; i += 2) {
                float[] p = TemperatureScaling.softmax(logProbabilities[i], temperature);
                out[i] = map == null ? p : map.apply(p);
            }
        }
        return out;
    }

    /** Appends a knot; one at the same confidence as the last is merged into it (keeping the higher level). */
    private static void addKnot(List<float[]> knots, float confidence, float accuracy) {
        if (!knots.isEmpty() && knots.get(knots.size() - 1)[0] >= confidence) {
            float[] last = knots.get(knots.size() - 1);
            last[1] = Math.max(last[1], accuracy);
            return;
        }
        knots.add(new float[] {confidence, accuracy});
    }

    /**
     * The calibrated top probability for a raw one.
     *
     * @param top the top probability after temperature scaling
     * @return the map's value: interpolated between knots, flat beyond them
     */
    public float map(float top) {
        int last = confidence.length - 1;
        if (top <= confidence[0]) {
            return accuracy[0];
        }
        if (top >= confidence[last]) {
            return accuracy[last];
        }
        int i = Arrays.binarySearch(confidence, top);
        if (i >= 0) {
            return accuracy[i];
        }
        int right = -i - 1;
        int left = right - 1;
        float share = (top - confidence[left]) / (confidence[right] - confidence[left]);
        return accuracy[left] + share * (accuracy[right] - accuracy[left]);
    }

    /**
     * Calibrates one name's probabilities: the top origin gets {@link #map(float)} of its
     * probability (but never less than the second origin ends up with), the others are rescaled
     * to share the rest in their old ratios.
     *
     * @param probabilities the temperature-scaled probabilities, summing to 1
     * @return new probabilities, summing to 1, in the same order of likelihood
     */
    public float[] apply(float[] probabilities) {
        int best = Ranking.topIndices(probabilities, 1)[0];
        double top = probabilities[best];
        double rest = 1 - top;
        float[] out = probabilities.clone();
        if (rest < 1e-9) {
            return out; // nothing to share: leave a (numerically) certain answer alone
        }
        double second = 0;
        for (int c = 0; c < probabilities.length; c++) {
            if (c != best) {
                second = Math.max(second, probabilities[c]);
            }
        }
        // After rescaling, the second origin holds second * (1 - p) / rest; the top keeps the lead
        // while p >= second / (rest + second).
        double p = Math.min(1, Math.max(map((float) top), second / (rest + second)));
        double scale = (1 - p) / rest;
        float highestOther = 0;
        for (int c = 0; c < out.length; c++) {
            if (c != best) {
                out[c] = (float) (probabilities[c] * scale);
                highestOther = Math.max(highestOther, out[c]);
            }
        }
        // At the bound the two would tie (or float rounding could swap them): keep the top strictly
        // first, so that every reader of the probabilities sees the same top guess as before.
        out[best] = (float) p > highestOther ? (float) p : Math.nextUp(highestOther);
        return out;
    }

    /**
     * Applies {@link #apply(float[])} to every row.
     *
     * @param probabilities per name, temperature-scaled probabilities
     * @return per name, calibrated probabilities
     */
    public float[][] apply(float[][] probabilities) {
        float[][] out = new float[probabilities.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(probabilities[i]);
        }
        return out;
    }

    /**
     * The knots' top probabilities.
     *
     * @return a copy, strictly increasing
     */
    @Override
    public float[] confidence() {
        return confidence.clone();
    }

    /**
     * The calibrated top probability at each knot.
     *
     * @return a copy, non-decreasing
     */
    @Override
    public float[] accuracy() {
        return accuracy.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopLabelCalibration that && Arrays.equals(confidence, that.confidence)
                && Arrays.equals(accuracy, that.accuracy);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(confidence) + Arrays.hashCode(accuracy);
    }

    @Override
    public String toString() {
        return "TopLabelCalibration[" + confidence.length + " knots]";
    }
}
