package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.nameorigin.model.OriginPrior;
import io.github.nameorigin.model.PriorCalibration;
import org.junit.jupiter.api.Test;

class PriorCalibrationsTests {

    /**
     * Names drawn like the training names (nine in ten of origin 0) with probabilities that are
     * calibrated under that mix: re-weighted to an even mix they overstate origin 1.
     */
    @Test
    void aMapUnderAnotherMixBringsTheTopProbabilityBackToItsAccuracy() {
        Random random = new Random(7);
        double[] trainingPrior = {0.9, 0.1};
        List<float[]> rows = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            // a likelihood ratio for origin 0, then the posterior under the training mix
            double ratio = Math.exp(random.nextGaussian() * 1.5);
            float p0 = (float) (0.9 * ratio / (0.9 * ratio + 0.1));
            rows.add(new float[] {p0, 1 - p0});
            gold.add(new int[] {random.nextDouble() < p0 ? 0 : 1});
        }
        float[][] calibrated = rows.toArray(new float[0][]);
        List<PriorCalibration> fitted = PriorCalibrations.fit(calibrated, gold, trainingPrior, trainingPrior).calibrations();
        assertThat(fitted).extracting(PriorCalibration::prior)
                .containsExactly(OriginPrior.SOFTENED_NAME, OriginPrior.UNIFORM_NAME);
        PriorCalibration uniform = fitted.get(1);
        assertThat(uniform.eceBefore()).isGreaterThan(0.05);
        assertThat(uniform.ece()).isLessThan(uniform.eceBefore() / 2);
        // under the even mix fewer names keep origin 0 on top, so fewer are right
        int hits = 0;
        for (int i = 0; i < calibrated.length; i++) {
            hits += (calibrated[i][0] >= 0.5 ? 0 : 1) == gold.get(i)[0] ? 1 : 0;
        }
        assertThat(uniform.top1()).isLessThan((double) hits / calibrated.length);
    }
}
