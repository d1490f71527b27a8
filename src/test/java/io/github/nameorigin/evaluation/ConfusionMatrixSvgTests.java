package io.github.nameorigin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.github.nameorigin.model.EvaluationReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ConfusionMatrixSvgTests {

    static EvaluationReport report(List<String> origins, int[][] confusion) {
        float[][] p = new float[1][origins.size()];
        p[0][0] = 1f;
        EvaluationReport base = Evaluator.evaluate(origins, p, List.<int[]>of(new int[] {0}), null, null);
        return new EvaluationReport(base.names(), base.singleLabelNames(), base.top1(), base.top3(), base.macroF1(),
                base.ece(), null, null, origins, base.perOrigin(), confusion, Instant.EPOCH);
    }

    @Test
    void rendersValidSvgWithEveryOriginOnBothAxes() throws Exception {
        List<String> origins = List.of("Arabic", "Chinese", "Czech", "Fr<en>ch & \"Co\"");
        int[][] confusion = {{8, 2, 0, 0}, {0, 5, 0, 0}, {1, 0, 3, 0}, {0, 0, 0, 0}};
        String svg = ConfusionMatrixSvg.render(report(origins, confusion));
        Document document = SvgAssertions.parse(svg);
        String text = document.getDocumentElement().getTextContent();
        for (String origin : origins) {
            assertThat(text.split(java.util.regex.Pattern.quote(origin), -1).length - 1)
                    .as("occurrences of %s", origin).isGreaterThanOrEqualTo(2);
        }
        assertThat(svg).contains("Fr&lt;en&gt;ch &amp; &quot;Co&quot;");
        assertThat(document.getElementsByTagName("linearGradient").getLength()).isEqualTo(1);
        // 16 cells, the frame, the legend bar and the background
        assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(19);
        assertThat(text).contains("Arabic \u2192 Chinese: 2 of 10 (20.0%)");
        assertThat(text).contains("no single-label names");
    }

    @Test
    void colourScaleRunsFromDarkToBright() {
        assertThat(ConfusionMatrixSvg.color(0)).isEqualTo("#440154");
        assertThat(ConfusionMatrixSvg.color(1)).isEqualTo("#fde725");
        assertThat(ConfusionMatrixSvg.color(0.5)).isEqualTo("#21918c");
        assertThat(ConfusionMatrixSvg.color(2)).isEqualTo("#fde725");
    }
}
