package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.List;

import io.github.nameorigin.evaluation.Evaluator;
import io.github.nameorigin.model.OriginPrior;
import io.github.nameorigin.model.PriorCalibration;
import io.github.nameorigin.model.Ranking;
import io.github.nameorigin.model.TopLabelCalibration;

/**
 * Fits a {@link PriorCalibration} for each named mix other than the training one, on the
 * validation names' calibrated probabilities (out of fold, so that they stand for unseen names).
 */
final class PriorCalibrations {

    private PriorCalibrations() {
    }

    /**
     * The maps for the softened and the even mix.
     *
     * @param calibrated    the validation names' calibrated probabilities under the training mix
     * @param gold          their origins
     * @param trainingPrior the training mix
     * @param datasetPrior  the dataset's own mix, which the softened mix softens
     * @return one calibration per named mix, and the softened answers
     */
    static Fitted fit(float[][] calibrated, List<int[]> gold, double[] trainingPrior, double[] datasetPrior) {
        int origins = trainingPrior.length;
        float[][] softened = new float[calibrated.length][];
        PriorCalibration soft = fit(OriginPrior.SOFTENED_NAME, OriginPrior.softened(datasetPrior, origins), calibrated,
                gold, trainingPrior, softened);
        PriorCalibration even = fit(OriginPrior.UNIFORM_NAME, OriginPrior.uniform(origins), calibrated, gold,
                trainingPrior, new float[calibrated.length][]);
        return new Fitted(List.of(soft, even), softened);
    }

    /**
     * The maps, and the validation names' answers under the softened mix, each calibrated by the
     * map of the other half (what the prediction sets are fitted on: the default answers).
     *
     * @param calibrations one per named mix
     * @param softened     the out-of-fold answers under the softened mix
     */
    record Fitted(List<PriorCalibration> calibrations, float[][] softened) {
    }

    private static PriorCalibration fit(String name, OriginPrior prior, float[][] calibrated, List<int[]> gold,
            double[] trainingPrior, float[][] outOfFold) {
        float[][] shifted = new float[calibrated.length][];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = calibrated[i].clone();
            prior.apply(shifted[i], trainingPrior);
        }
        TopLabelCalibration map = TopLabelCalibration.fit(shifted, gold);
        // Out of fold: each half of the names is scored by a map fitted on the other half, since a
        // map scored on its own names flatters itself.
        for (int fold = 0; fold < 2; fold++) {
            List<float[]> rows = new ArrayList<>();
            List<int[]> labels = new ArrayList<>();
            for (int i = 0; i < shifted.length; i++) {
                if (i % 2 != fold) {
                    rows.add(shifted[i]);
                    labels.add(gold.get(i));
                }
            }
            TopLabelCalibration half = rows.isEmpty() ? map
                    : TopLabelCalibration.fit(rows.toArray(new float[0][]), labels);
            for (int i = fold; i < shifted.length; i += 2) {
                outOfFold[i] = half.apply(shifted[i]);
            }
        }
        return new PriorCalibration(name, map, top1(shifted, gold),
                Evaluator.expectedCalibrationError(outOfFold, gold, Evaluator.ECE_BINS),
                Evaluator.expectedCalibrationError(shifted, gold, Evaluator.ECE_BINS));
    }

    private static double top1(float[][] probabilities, List<int[]> gold) {
        if (probabilities.length == 0) {
            return 0;
        }
        int hits = 0;
        for (int i = 0; i < probabilities.length; i++) {
            int best = Ranking.topIndices(probabilities[i], 1)[0];
            for (int label : gold.get(i)) {
                if (label == best) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / probabilities.length;
    }
}
