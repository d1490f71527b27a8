package io.github.nameorigin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LossCurveSvgTests {

    @Test
    void drawsALineWithAxesAndTicks() throws Exception {
        String svg = LossCurveSvg.render(List.of(2.9, 2.4, 1.8, 1.2, 0.9, 0.7), 100);
        Document document = SvgAssertions.parse(svg);
        assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(1);
        String d = ((org.w3c.dom.Element) document.getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(d).startsWith("M").contains(" L");
        String text = document.getDocumentElement().getTextContent();
        assertThat(text).contains("training step", "loss", "100 steps per point", "600");
    }

    @Test
    void handlesAnEmptyCurve() throws Exception {
        Document document = SvgAssertions.parse(LossCurveSvg.render(List.of(), 0));
        assertThat(document.getElementsByTagName("path").getLength()).isZero();
        assertThat(document.getDocumentElement().getTextContent()).contains("No loss recorded yet");
    }

    @Test
    void handlesASinglePointAndNonFiniteValues() throws Exception {
        Document single = SvgAssertions.parse(LossCurveSvg.render(List.of(1.5), 10));
        assertThat(single.getElementsByTagName("circle").getLength()).isEqualTo(1);
        String gaps = LossCurveSvg.render(Arrays.asList(2.0, Double.NaN, null, 1.0, Double.POSITIVE_INFINITY, 0.5), 1);
        Document document = SvgAssertions.parse(gaps);
        String d = ((org.w3c.dom.Element) document.getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(d).doesNotContain("NaN", "Infinity").contains(" M");
    }

    @Test
    void numbersDoNotDependOnTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String svg = LossCurveSvg.render(List.of(0.25, 0.125), 3);
            SvgAssertions.parse(svg);
            assertThat(svg).doesNotContainPattern("[xy][12]?=\"\\d+,\\d");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(LossCurveSvg.niceStep(0.37)).isEqualTo(0.5);
        assertThat(LossCurveSvg.niceStep(1.5)).isEqualTo(2);
        assertThat(LossCurveSvg.niceStep(7)).isEqualTo(10);
        assertThat(LossCurveSvg.niceStep(0)).isEqualTo(1);
    }
}
