package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.nameorigin.evaluation.Evaluator;
import org.junit.jupiter.api.Test;

class TopLabelCalibrationTests {

    /**
     * Names over three origins whose top probability is uniform in [0.4, 1) but whose top guess
     * is right only with probability {@code 0.5 * top + 0.2}: an over-confident model.
     */
    private static float[][] overConfident(int n, long seed, List<int[]> gold) {
        Random random = new Random(seed);
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            float top = 0.4f + 0.6f * random.nextFloat() * 0.999f;
            p[i] = new float[] {top, (1 - top) * 0.7f, (1 - top) * 0.3f};
            gold.add(new int[] {random.nextDouble() < 0.5 * top + 0.2 ? 0 : 1});
        }
        return p;
    }

    /** {@code n} names with the same probabilities and the same gold origin. */
    private static float[][] repeated(int n, float[] probabilities, int origin, List<int[]> gold) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            p[i] = probabilities.clone();
            gold.add(new int[] {origin});
        }
        return p;
    }

    @Test
    void fitsTheShareOfRightTopGuesses() {
        List<int[]> gold = new ArrayList<>();
        TopLabelCalibration map = TopLabelCalibration.fit(overConfident(20_000, 1, gold), gold);
        for (float top : new float[] {0.45f, 0.6f, 0.75f, 0.9f}) {
            assertThat((double) map.map(top)).as("map(%s)", top).isCloseTo(0.5 * top + 0.2, within(0.04));
        }
        for (int i = 1; i < map.confidence().length; i++) {
            assertThat(map.confidence()[i]).isGreaterThan(map.confidence()[i - 1]);
            assertThat(map.accuracy()[i]).isGreaterThanOrEqualTo(map.accuracy()[i - 1]);
        }
    }

    @Test
    void lowersTheExpectedCalibrationErrorOfAnOverConfidentModelOnFreshNames() {
        List<int[]> fitGold = new ArrayList<>();
        TopLabelCalibration map = TopLabelCalibration.fit(overConfident(5_000, 2, fitGold), fitGold);
        List<int[]> gold = new ArrayList<>();
        float[][] fresh = overConfident(5_000, 3, gold);
        double before = Evaluator.expectedCalibrationError(fresh, gold, Evaluator.ECE_BINS);
        double after = Evaluator.expectedCalibrationError(map.apply(fresh), gold, Evaluator.ECE_BINS);
        assertThat(before).isGreaterThan(0.15);
        assertThat(after).isLessThan(0.03);
    }

    @Test
    void keepsTheRankingAndTheOtherOriginsRatiosAndSumsToOne() {
        // A map that would push every top probability down to 0.34.
        TopLabelCalibration map = new TopLabelCalibration(new float[] {0.1f, 0.9f}, new float[] {0.34f, 0.34f});
        float[] out = map.apply(new float[] {0.05f, 0.5f, 0.45f});
        assertThat(out[0] + out[1] + out[2]).isCloseTo(1f, within(1e-6f));
        assertThat(out[1]).isGreaterThan(out[2]).isGreaterThan(out[0]);
        assertThat(out[2] / out[0]).isCloseTo(9f, within(1e-4f));
        float[] secondFirst = map.apply(new float[] {0.45f, 0.5f, 0.05f});
        assertThat(secondFirst[1]).isGreaterThan(secondFirst[0]);

        float[] raised = new TopLabelCalibration(new float[] {0.5f}, new float[] {0.8f}).apply(new float[] {0.3f, 0.5f, 0.2f});
        assertThat(raised).containsExactly(new float[] {0.12f, 0.8f, 0.08f}, within(1e-6f));
    }

    @Test
    void neverClaimsCertaintyNorLessThanAUniformGuess() {
        List<int[]> allRight = new ArrayList<>();
        float[][] confident = repeated(10, new float[] {0.99f, 0.005f, 0.005f}, 0, allRight);
        assertThat(TopLabelCalibration.fit(confident, allRight).map(0.99f)).isEqualTo(11f / 12f);

        List<int[]> allWrong = new ArrayList<>();
        float[][] unsure = repeated(50, new float[] {0.4f, 0.35f, 0.25f}, 2, allWrong);
        assertThat(TopLabelCalibration.fit(unsure, allWrong).map(0.4f)).isEqualTo(1f / 3f);
    }

    @Test
    void outOfFoldProbabilitiesDoNotDependOnTheNamesOwnLabel() {
        List<int[]> gold = new ArrayList<>();
        float[][] p = overConfident(400, 4, gold);
        float[][] logp = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            logp[i] = new float[p[i].length];
            for (int c = 0; c < p[i].length; c++) {
                logp[i][c] = (float) Math.log(p[i][c]);
            }
        }
        float[][] before = TopLabelCalibration.outOfFold(logp, gold, true);
        List<int[]> changed = new ArrayList<>(gold);
        changed.set(7, new int[] {gold.get(7)[0] == 0 ? 2 : 0});
        float[][] after = TopLabelCalibration.outOfFold(logp, changed, true);
        assertThat(after[7]).containsExactly(before[7]);
        // ...while the other fold, fitted on name 7, may move.
        assertThat(after[8]).isNotEqualTo(before[8]);
    }

    @Test
    void cannotBeChangedThroughItsArrays() {
        float[] confidence = {0.4f, 0.8f};
        TopLabelCalibration map = new TopLabelCalibration(confidence, new float[] {0.5f, 0.7f});
        confidence[0] = 0.9f;
        map.confidence()[1] = 0.1f;
        map.accuracy()[0] = 0f;
        assertThat(map.confidence()).containsExactly(0.4f, 0.8f);
        assertThat(map.map(0.6f)).isCloseTo(0.6f, within(1e-6f));
    }

    @Test
    void rejectsKnotsThatAreNotAMap() {
        assertThatThrownBy(() -> new TopLabelCalibration(new float[] {0.5f, 0.4f}, new float[] {0.5f, 0.6f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
        assertThatThrownBy(() -> new TopLabelCalibration(new float[] {0.4f, 0.5f}, new float[] {0.6f, 0.5f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
        assertThatThrownBy(() -> new TopLabelCalibration(new float[] {0.4f}, new float[] {1.5f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> new TopLabelCalibration(new float[0], new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
