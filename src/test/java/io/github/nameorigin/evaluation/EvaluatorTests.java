package io.github.nameorigin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.github.nameorigin.model.EvaluationReport;
import org.junit.jupiter.api.Test;

class EvaluatorTests {

    private static final List<String> ORIGINS = List.of("A", "B", "C", "D");

    @Test
    void countsAHitWhenTheTopGuessIsAnyListedLanguage() {
        float[][] p = {
            {0.7f, 0.2f, 0.1f, 0f},    // gold A: top-1 hit
            {0.1f, 0.6f, 0.3f, 0f},    // gold {A, B}: top-1 hit via B
            {0.5f, 0.1f, 0.4f, 0f},    // gold C: top-3 hit only
            {0.4f, 0.3f, 0.2f, 0.1f},  // gold D: missed by top-3
        };
        EvaluationReport report = Evaluator.evaluate(ORIGINS, p,
                List.of(new int[] {0}, new int[] {0, 1}, new int[] {2}, new int[] {3}), null, null);
        assertThat(report.names()).isEqualTo(4);
        assertThat(report.singleLabelNames()).isEqualTo(3);
        assertThat(report.top1()).isEqualTo(0.5);
        assertThat(report.top3()).isEqualTo(0.75);
    }

    @Test
    void perOriginScoresAndConfusionUseSingleLabelNamesOnly() {
        float[][] p = {
            {0.9f, 0.1f, 0f, 0f},  // A -> A
            {0.6f, 0.4f, 0f, 0f},  // A -> A
            {0.3f, 0.7f, 0f, 0f},  // A -> B
            {0.2f, 0.8f, 0f, 0f},  // B -> B
            {0.1f, 0.9f, 0f, 0f},  // {A, B} -> B, ignored by the matrix
        };
        EvaluationReport report = Evaluator.evaluate(ORIGINS, p,
                List.of(new int[] {0}, new int[] {0}, new int[] {0}, new int[] {1}, new int[] {0, 1}), 0.2, 1.5);
        assertThat(report.confusion()[0]).containsExactly(2, 1, 0, 0);
        assertThat(report.confusion()[1]).containsExactly(0, 1, 0, 0);
        EvaluationReport.OriginScore a = report.perOrigin().get(0);
        assertThat(a.precision()).isEqualTo(1.0);
        assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.f1()).isCloseTo(0.8, within(1e-12));
        assertThat(a.support()).isEqualTo(3);
        EvaluationReport.OriginScore b = report.perOrigin().get(1);
        assertThat(b.precision()).isEqualTo(0.5);
        assertThat(b.recall()).isEqualTo(1.0);
        assertThat(b.predictions()).isEqualTo(2);
        // C and D have no support and no predictions: left out of the mean
        assertThat(report.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 2, within(1e-12));
        assertThat(report.eceUncalibrated()).isEqualTo(0.2);
        assertThat(report.temperature()).isEqualTo(1.5);
        assertThat(report.origins()).isEqualTo(ORIGINS);
    }

    @Test
    void anOriginWithSupportButNoCorrectGuessCountsAsZero() {
        float[][] p = {{0.9f, 0.1f, 0f, 0f}, {0.8f, 0.2f, 0f, 0f}};
        EvaluationReport report = Evaluator.evaluate(ORIGINS, p, List.of(new int[] {0}, new int[] {1}), null, null);
        // A: P 0.5, R 1 -> F1 2/3; B: F1 0; C, D excluded
        assertThat(report.macroF1()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void expectedCalibrationErrorByHand() {
        float[][] p = {{0.95f, 0.05f}, {0.95f, 0.05f}, {0.55f, 0.45f}, {0.45f, 0.55f}};
        List<int[]> gold = List.of(new int[] {0}, new int[] {1}, new int[] {0}, new int[] {0, 1});
        // bin of 0.95: confidence 0.95, accuracy 0.5, 2 names; bin of 0.55: confidence 0.55, accuracy 1, 2 names
        double expected = 0.5 * 0.45 + 0.5 * 0.45;
        assertThat(Evaluator.expectedCalibrationError(p, gold, 15)).isCloseTo(expected, within(1e-6));
        assertThat(Evaluator.expectedCalibrationError(new float[][] {{1f, 0f}}, List.of(new int[] {0}), 15))
                .isCloseTo(0, within(1e-9));
        assertThat(Evaluator.expectedCalibrationError(new float[0][], List.of(), 15)).isZero();
    }

    @Test
    void rejectsMismatchedOrEmptyInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> Evaluator.evaluate(ORIGINS, new float[0][], List.of(),
                null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> Evaluator.evaluate(ORIGINS,
                new float[][] {{1f, 0f}}, List.of(new int[] {0}), null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> Evaluator.evaluate(ORIGINS,
                new float[][] {{1f, 0f, 0f, 0f}}, List.of(new int[] {4}), null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> Evaluator.evaluate(ORIGINS,
                new float[][] {{1f, 0f, 0f, 0f}}, List.of(new int[0]), null, null));
    }
}
