package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.nameorigin.evaluation.Evaluator;
import org.junit.jupiter.api.Test;

class TemperatureScalingTests {

    private static final int ORIGINS = 5;

    /** Names whose true label matches the top guess 60 % of the time, with logits three times too sharp. */
    private static float[][] overconfident(List<int[]> gold, int n, long seed) {
        Random random = new Random(seed);
        float[][] logits = new float[n][ORIGINS];
        for (int i = 0; i < n; i++) {
            int guess = random.nextInt(ORIGINS);
            double[] calibrated = new double[ORIGINS];
            for (int k = 0; k < ORIGINS; k++) {
                calibrated[k] = k == guess ? 0.6 : 0.1;
            }
            for (int k = 0; k < ORIGINS; k++) {
                logits[i][k] = (float) (3 * Math.log(calibrated[k]) + random.nextGaussian() * 0.05);
            }
            double u = random.nextDouble();
            int label = u < 0.6 ? guess : (guess + 1 + random.nextInt(ORIGINS - 1)) % ORIGINS;
            gold.add(new int[] {label});
        }
        return logits;
    }

    @Test
    void fittedTemperatureSoftensAnOverconfidentModel() {
        List<int[]> gold = new ArrayList<>();
        float[][] logits = overconfident(gold, 4000, 7);
        float t = TemperatureScaling.fit(logits, gold);
        assertThat(t).isGreaterThan(1f).isCloseTo(3f, within(0.4f));
        assertThat(TemperatureScaling.negativeLogLikelihood(logits, gold, t))
                .isLessThan(TemperatureScaling.negativeLogLikelihood(logits, gold, 1));
        double eceBefore = Evaluator.expectedCalibrationError(TemperatureScaling.softmax(logits, 1f), gold, 15);
        double eceAfter = Evaluator.expectedCalibrationError(TemperatureScaling.softmax(logits, t), gold, 15);
        assertThat(eceAfter).isLessThan(eceBefore).isLessThan(0.05);
    }

    @Test
    void fitIsAMinimumOfTheNll() {
        List<int[]> gold = new ArrayList<>();
        float[][] logits = overconfident(gold, 1000, 11);
        float t = TemperatureScaling.fit(logits, gold);
        double best = TemperatureScaling.negativeLogLikelihood(logits, gold, t);
        assertThat(best).isLessThanOrEqualTo(TemperatureScaling.negativeLogLikelihood(logits, gold, t * 1.05) + 1e-9);
        assertThat(best).isLessThanOrEqualTo(TemperatureScaling.negativeLogLikelihood(logits, gold, t / 1.05) + 1e-9);
    }

    @Test
    void temperatureOneLeavesProbabilitiesUnchanged() {
        float[] probabilities = {0.5f, 0.3f, 0.15f, 0.05f};
        float[] logp = new float[probabilities.length];
        for (int i = 0; i < logp.length; i++) {
            logp[i] = (float) Math.log(probabilities[i]);
        }
        float[] out = TemperatureScaling.softmax(logp, 1f);
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isCloseTo(probabilities[i], within(1e-6f));
        }
    }

    @Test
    void softmaxIsNumericallyStable() {
        float[] out = TemperatureScaling.softmax(new float[] {1000f, 999f, -1000f}, 0.05f);
        assertThat(out[0] + out[1] + out[2]).isCloseTo(1f, within(1e-6f));
        assertThat(out[0]).isGreaterThan(0.99f);
        float[] flat = TemperatureScaling.softmax(new float[] {-5000f, -5000f}, 1f);
        assertThat(flat).containsExactly(0.5f, 0.5f);
    }

    @Test
    void multiLabelNamesUseTheSummedProbabilityOfTheirLabels() {
        float[][] logp = {{(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.2)}};
        double nll = TemperatureScaling.negativeLogLikelihood(logp, List.<int[]>of(new int[] {0, 1}), 1);
        assertThat(nll).isCloseTo(-Math.log(0.8), within(1e-6));
    }

    @Test
    void noNamesMeansNoScaling() {
        assertThat(TemperatureScaling.fit(new float[0][], List.of())).isEqualTo(1f);
    }
}
