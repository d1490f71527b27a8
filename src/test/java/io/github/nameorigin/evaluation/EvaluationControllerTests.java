package io.github.nameorigin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.ModelNotReadyException;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.training.TrainingMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(EvaluationController.class)
class EvaluationControllerTests {

    private static final TrainingMonitor.Snapshot IDLE = new TrainingMonitor.Snapshot(false, 0, 0, 0, Double.NaN,
            Double.NaN, 1, List.of(), List.of(), null, Duration.ZERO, null, TrainingMonitor.Phase.TRAINING);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ModelRegistry registry;

    @MockitoBean
    TrainingMonitor monitor;

    private final EvaluationReport report = ConfusionMatrixSvgTests.report(List.of("Arabic", "Chinese"),
            new int[][] {{3, 1}, {0, 2}});

    @BeforeEach
    void idle() {
        given(monitor.snapshot()).willReturn(IDLE);
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

    @Test
    void drawsTheLiveLossCurveWhileTraining() {
        given(monitor.snapshot()).willReturn(new TrainingMonitor.Snapshot(true, 300, 1000, 1, 1.2, Double.NaN, 100,
                List.of(2.5, 1.9, 1.2), List.of(), null, Duration.ofSeconds(3), null,
                TrainingMonitor.Phase.TRAINING));
        given(registry.history()).willReturn(Optional.of(new TrainingHistory(7, List.of(9.0), List.of())));
        assertThat(mvc.get().uri("/training/loss.svg")).hasStatusOk()
                .hasContentTypeCompatibleWith("image/svg+xml")
                .bodyText().contains("100 steps per point", "<path");
    }

    @Test
    void fallsBackToTheCurveStoredWithTheModel() {
        given(registry.history()).willReturn(Optional.of(new TrainingHistory(7, List.of(3.0, 2.0), List.of(0.5))));
        assertThat(mvc.get().uri("/training/loss.svg")).hasStatusOk()
                .bodyText().contains("7 steps per point", "<path");
    }

    @Test
    void drawsAnEmptyChartWhenThereIsNoCurve() {
        assertThat(mvc.get().uri("/training/loss.svg")).hasStatusOk()
                .bodyText().contains("No loss recorded yet");
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
}
