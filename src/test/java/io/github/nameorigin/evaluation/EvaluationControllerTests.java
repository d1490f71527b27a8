package io.github.nameorigin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.util.List;
import java.util.Optional;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.ModelNotReadyException;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(EvaluationController.class)
class EvaluationControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ModelRegistry registry;

    private final EvaluationReport report = ConfusionMatrixSvgTests.report(List.of("Arabic", "Chinese"),
            new int[][] {{3, 1}, {0, 2}});

    @BeforeEach
    void idle() {
        given(registry.description()).willReturn(Optional.empty());
        given(registry.history()).willReturn(Optional.empty());
        given(registry.state()).willReturn(ModelState.TRAINING);
    }

    /** A live model with this report and metadata whose refit is the given one (null: none). */
    private void serving(EvaluationReport evaluation, CheckpointMetadata.Refit refit) {
        CheckpointMetadata metadata = org.mockito.Mockito.mock(CheckpointMetadata.class);
        given(metadata.refit()).willReturn(refit);
        given(registry.description()).willReturn(Optional.of(new ModelRegistry.Description(metadata, evaluation, null)));
    }

    @Test
    void servesTheLiveModelsReportAsJson() {
        serving(report, null);
        assertThat(mvc.get().uri("/model/evaluation")).hasStatusOk()
                .bodyJson().hasPathSatisfying("$.origins", v -> v.assertThat().asArray().containsExactly("Arabic", "Chinese"))
                .hasPathSatisfying("$.confusion[0]", v -> v.assertThat().asArray().containsExactly(3, 1))
                .hasPathSatisfying("$.perOrigin[1].origin", v -> v.assertThat().isEqualTo("Chinese"))
                .hasPathSatisfying("$.top1", v -> v.assertThat().isEqualTo(1.0))
                .hasPathSatisfying("$.createdAt", v -> v.assertThat().isEqualTo("1970-01-01T00:00:00Z"))
                .hasPathSatisfying("$.refit", v -> v.assertThat().isNull());
    }

    @Test
    void saysWhenTheServedNetworkIsARefitOfTheScoredOne() {
        serving(report, new CheckpointMetadata.Refit(15_675, 16_195));
        assertThat(mvc.get().uri("/model/evaluation")).hasStatusOk()
                .bodyJson().hasPathSatisfying("$.top1", v -> v.assertThat().isEqualTo(1.0))
                .hasPathSatisfying("$.refit.names", v -> v.assertThat().isEqualTo(15_675))
                .hasPathSatisfying("$.refit.examples", v -> v.assertThat().isEqualTo(16_195));
    }

    @Test
    void reportsTheCrossSourceFiguresBesideTheValidationOnes() {
        CheckpointMetadata metadata = org.mockito.Mockito.mock(CheckpointMetadata.class);
        given(metadata.crossSource()).willReturn(new CheckpointMetadata.CrossSource("faker-js",
                new io.github.nameorigin.model.ValidationMetrics(4_000, 0.71, 0.9, 0.5, 0.05, 0.05),
                new io.github.nameorigin.model.ValidationMetrics(4_000, 0.8, 0.94, 0.6, 0.04, 0.04),
                new io.github.nameorigin.model.ValidationMetrics(1_567, 0.86, 0.96, 0.6, 0.03, 0.03)));
        given(registry.description()).willReturn(Optional.of(new ModelRegistry.Description(metadata, report, null)));
        assertThat(mvc.get().uri("/model/evaluation")).hasStatusOk()
                .bodyJson().hasPathSatisfying("$.top1", v -> v.assertThat().isEqualTo(1.0))
                .hasPathSatisfying("$.crossSource.source", v -> v.assertThat().isEqualTo("faker-js"))
                .hasPathSatisfying("$.crossSource.uniform.top1", v -> v.assertThat().isEqualTo(0.8))
                .hasPathSatisfying("$.crossSource.training.names", v -> v.assertThat().isEqualTo(4_000))
                .hasPathSatisfying("$.crossSource.validationUniform.top1", v -> v.assertThat().isEqualTo(0.86));
    }

    @Test
    void withoutAModelTheReportIsNotReady() {
        assertNotReady(mvc.get().uri("/model/evaluation").exchange());
        assertNotReady(mvc.get().uri("/model/evaluation/confusion.svg").exchange());
    }

    @Test
    void aModelSavedWithoutAReportIsNotFoundNotUnready() {
        serving(null, null);
        assertThat(mvc.get().uri("/model/evaluation")).hasStatus(404);
        assertThat(mvc.get().uri("/model/evaluation/confusion.svg")).hasStatus(404);
    }

    @Test
    void servesTheConfusionMatrixAsSvg() {
        serving(report, null);
        assertThat(mvc.get().uri("/model/evaluation/confusion.svg")).hasStatusOk()
                .hasContentTypeCompatibleWith("image/svg+xml")
                .bodyText().contains("<svg", "Arabic", "Chinese");
    }

    /** 503 once the error advice maps the exception; without the advice the exception surfaces. */
    private static void assertNotReady(MvcTestResult result) {
        Throwable failure = result.getUnresolvedException() != null ? result.getUnresolvedException()
                : result.getMvcResult().getResolvedException();
        assertThat(failure).isInstanceOf(ModelNotReadyException.class);
        if (result.getUnresolvedException() == null) {
            assertThat(result.getResponse().getStatus()).isEqualTo(503);
        }
    }

    private static final io.github.nameorigin.model.PredictionSets SETS = new io.github.nameorigin.model.PredictionSets(
            0.5, 1, new float[] {0.3f, 0.9f, 1.6f},
            List.of(new io.github.nameorigin.model.PredictionSets.CoverageCheck(0.9, 0.8985, 1.21, 0.8)),
            List.of(new io.github.nameorigin.model.PredictionSets.SelectivePoint(0.5, 0.99, 0.97),
                    new io.github.nameorigin.model.PredictionSets.SelectivePoint(1, 0.86, 0.2)));

    private void servingWithSets(io.github.nameorigin.model.PredictionSets sets) {
        CheckpointMetadata metadata = org.mockito.Mockito.mock(CheckpointMetadata.class);
        given(metadata.predictionSets()).willReturn(sets);
        given(registry.description()).willReturn(Optional.of(new ModelRegistry.Description(metadata, report, null)));
    }

    @Test
    void reportsThePredictionSetsFiguresButNotTheirScores() {
        servingWithSets(SETS);
        assertThat(mvc.get().uri("/model/evaluation")).hasStatusOk()
                .bodyJson().hasPathSatisfying("$.predictionSets.method", v -> v.assertThat().isEqualTo("raps"))
                .hasPathSatisfying("$.predictionSets.calibrationNames", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.predictionSets.coverage[0].target", v -> v.assertThat().isEqualTo(0.9))
                .hasPathSatisfying("$.predictionSets.coverage[0].coverage", v -> v.assertThat().isEqualTo(0.8985))
                .hasPathSatisfying("$.predictionSets.coverage[0].meanSize", v -> v.assertThat().isEqualTo(1.21))
                .hasPathSatisfying("$.predictionSets.selective[1].accuracy", v -> v.assertThat().isEqualTo(0.86))
                .doesNotHavePath("$.predictionSets.scores");
    }

    @Test
    void aModelWithoutSetsHasNoSetFiguresAndAnEmptySelectiveChart() throws Exception {
        servingWithSets(null);
        assertThat(mvc.get().uri("/model/evaluation")).hasStatusOk()
                .bodyJson().hasPathSatisfying("$.predictionSets", v -> v.assertThat().isNull());
        MvcTestResult svg = mvc.get().uri("/model/evaluation/selective.svg").exchange();
        assertThat(svg).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml");
        assertThat(svg.getResponse().getContentAsString()).contains("No selective accuracy measured");
    }

    @Test
    void drawsTheSelectiveAccuracyCurveAsValidSvgWithOnePointPerShare() throws Exception {
        servingWithSets(SETS);
        MvcTestResult svg = mvc.get().uri("/model/evaluation/selective.svg").exchange();
        assertThat(svg).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml");
        org.w3c.dom.Document document = SvgAssertions.parse(svg.getResponse().getContentAsString());
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isEqualTo(2);
        assertThat(svg.getResponse().getContentAsString()).contains("50% answered: accuracy 0.990");
    }
}
