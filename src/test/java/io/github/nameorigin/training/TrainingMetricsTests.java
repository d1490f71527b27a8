package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.NetworkSpec;
import io.github.nameorigin.model.TestNetworks;
import io.github.nameorigin.model.ValidationMetrics;
import io.github.nameorigin.system.NameOriginProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TrainingMetricsTests {

    private final TrainingMonitor monitor = new TrainingMonitor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CheckpointHealth checkpoints = new CheckpointHealth();
    private final ModelRegistry registry = new ModelRegistry();

    TrainingMetricsTests() {
        new TrainingMetrics(monitor, registry, checkpoints).bindTo(meters);
    }

    @Test
    void modelInfoFollowsEveryInstalledModelBeforeItIsReady() {
        io.github.nameorigin.model.ServingModel model = org.mockito.Mockito.mock(io.github.nameorigin.model.ServingModel.class);
        org.mockito.BDDMockito.given(model.metadata()).willReturn(metadata(null));
        registry.onInstall(m -> assertThat(registry.state()).isNotEqualTo(io.github.nameorigin.model.ModelState.READY));

        registry.install(model, "20261205T071500Z-trained");

        assertThat(meters.get("nameorigin.model.info").tag("refit", "false").gauge().value()).isEqualTo(1);
    }

    @Test
    void countsFailedSavesAndFlagsAnUnsavedModel() {
        assertThat(meters.get("nameorigin.checkpoint.save.failures").functionCounter().count()).isZero();
        assertThat(meters.get("nameorigin.checkpoint.unsaved").gauge().value()).isZero();

        checkpoints.saveFailed("disk full");

        assertThat(meters.get("nameorigin.checkpoint.save.failures").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("nameorigin.checkpoint.unsaved").gauge().value()).isEqualTo(1);
        checkpoints.saved();
        assertThat(meters.get("nameorigin.checkpoint.unsaved").gauge().value()).isZero();
        assertThat(meters.get("nameorigin.checkpoint.save.failures").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void phaseGaugeFollowsTheRunIntoItsRefit() {
        monitor.start(10, 1);
        assertThat(phase(TrainingMonitor.Phase.TRAINING)).isEqualTo(1);
        assertThat(phase(TrainingMonitor.Phase.REFIT)).isZero();

        monitor.phase(TrainingMonitor.Phase.REFIT);
        monitor.start(10, 1);
        assertThat(phase(TrainingMonitor.Phase.TRAINING)).isZero();
        assertThat(phase(TrainingMonitor.Phase.REFIT)).isEqualTo(1);
    }

    @Test
    void modelInfoSaysWhetherTheServedNetworkIsARefit() {
        TrainingMetrics metrics = new TrainingMetrics(monitor, new ModelRegistry(), new CheckpointHealth());
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        metrics.bindTo(own);

        metrics.modelInstalled(metadata(new CheckpointMetadata.Refit(100, 120)));
        assertThat(own.get("nameorigin.model.info").tag("refit", "true").gauge().value()).isEqualTo(1);

        metrics.modelInstalled(metadata(null));
        assertThat(own.get("nameorigin.model.info").tag("refit", "false").gauge().value()).isEqualTo(1);
        assertThat(own.find("nameorigin.model.info").tag("refit", "true").gauge()).isNull();
    }

    private double phase(TrainingMonitor.Phase phase) {
        return meters.get("nameorigin.training.phase").tag("phase", phase.name()).gauge().value();
    }

    private static CheckpointMetadata metadata(CheckpointMetadata.Refit refit) {
        NetworkSpec architecture = TestNetworks.spec("gru", 8, 8, 1, false, 0f);
        return new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, architecture, "abc", List.of("A", "B"), 1f,
                null, "fingerprint", 42, 1, new ValidationMetrics(3, 1, 1, 1, 0, 0), refit,
                Instant.ofEpochSecond(refit == null ? 1 : 2));
    }
}
