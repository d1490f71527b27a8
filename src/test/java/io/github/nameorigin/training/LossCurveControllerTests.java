package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.TrainingHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(LossCurveController.class)
class LossCurveControllerTests {

    private static final TrainingMonitor.Snapshot IDLE = new TrainingMonitor.Snapshot(false, 0, 0, 0, Double.NaN,
            Double.NaN, 1, List.of(), List.of(), null, Duration.ZERO, null, TrainingMonitor.Phase.TRAINING);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ModelRegistry registry;

    @MockitoBean
    TrainingMonitor monitor;

    @BeforeEach
    void idle() {
        given(monitor.snapshot()).willReturn(IDLE);
        given(registry.history()).willReturn(Optional.empty());
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
}
