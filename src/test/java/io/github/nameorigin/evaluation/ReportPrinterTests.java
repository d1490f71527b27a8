package io.github.nameorigin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.nameorigin.model.EvaluationReport;
import org.junit.jupiter.api.Test;

class ReportPrinterTests {

    private static EvaluationReport report() {
        float[][] p = {{0.9f, 0.05f, 0.05f}, {0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.1f}, {0.1f, 0.1f, 0.8f}};
        return Evaluator.evaluate(List.of("Arabic", "Chinese", "Scottish"), p,
                List.of(new int[] {0}, new int[] {1}, new int[] {1}, new int[] {0, 2}), 0.0812, 1.4);
    }

    @Test
    void printsHeadlineFiguresTableAndMatrix() {
        String text = ReportPrinter.format(report());
        assertThat(text).contains("Names scored:      4 (3 listed under one language)")
                .contains("Top-1 accuracy:    75.0 %")
                .contains("Top-3 accuracy:    100.0 %")
                .contains("(0.081 before calibration)")
                .contains("Temperature:       1.400");
        assertThat(text).containsPattern("Arabic\\s+0\\.500\\s+1\\.000\\s+0\\.667\\s+1\\s+2");
        assertThat(text).containsPattern("Chinese\\s+1\\.000\\s+0\\.500\\s+0\\.667\\s+2\\s+1");
        assertThat(text).containsPattern("Scottish\\s+0\\.000\\s+0\\.000\\s+0\\.000\\s+0\\s+0");
        assertThat(text).contains(" #1 #2 #3\n");
        assertThat(text).containsPattern("1 Arabic\\s+1\\s+0\\s+0\n");
        assertThat(text).containsPattern("2 Chinese\\s+1\\s+1\\s+0\n");
        assertThat(text).endsWith("\n");
    }

    @Test
    void omitsOptionalFiguresWhenAbsent() {
        EvaluationReport r = Evaluator.evaluate(List.of("A", "B"), new float[][] {{1f, 0f}},
                List.<int[]>of(new int[] {0}), null, null);
        assertThat(ReportPrinter.format(r)).doesNotContain("before calibration", "Temperature:");
    }

    @Test
    void listsWhatWasSkipped() {
        DatasetScorer.Scored scored = new DatasetScorer.Scored(report(), 10, 2, Map.of("Klingon", 3), 3);
        String text = ReportPrinter.format(scored, "/data/names");
        assertThat(text).startsWith("Evaluation of the live model on /data/names\n")
                .contains("Distinct names in the dataset: 10")
                .contains("Skipped, no character the model knows: 2")
                .contains("Skipped, only under origins the model does not know: 3")
                .contains("unknown origin Klingon: 3 names")
                .contains("Top-1 accuracy");
    }
}
