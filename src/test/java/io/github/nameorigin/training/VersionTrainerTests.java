package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.CheckpointStore;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.ModelActivator;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.model.ModelStore;
import io.github.nameorigin.model.ModelVersion;
import io.github.nameorigin.model.TestNetworks;
import io.github.nameorigin.model.VersionStatus;
import io.github.nameorigin.system.NameOriginProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains tiny versions on the fixture into a temporary store. */
class VersionTrainerTests {

    @TempDir
    Path dir;

    private final ModelRegistry registry = new ModelRegistry();
    private final CheckpointHealth health = new CheckpointHealth();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        registry.close();
    }

    private NameOriginProperties properties(NameOriginProperties.Promotion promotion, double top1Tolerance) {
        return new NameOriginProperties(NameOriginProperties.Mode.AUTO, ModelTrainerTests.FIXTURE, dir.resolve("none"),
                TestNetworks.spec("gru", 16, 8, 1, false, 0f), ModelTrainerTests.quick(3),
                new NameOriginProperties.Request(64, 1000, 3, org.springframework.util.unit.DataSize.ofKilobytes(256), Duration.ofSeconds(30)),
                new NameOriginProperties.Batching(false, 256, Duration.ofMillis(2), 1000, 1),
                new NameOriginProperties.Warmup(0, 1, Duration.ofSeconds(1)), null, null,
                new NameOriginProperties.Score(null, null, "name", 0.9, 2048, 2), dir.resolve("models"), new NameOriginProperties.Management(null),
                new NameOriginProperties.Lifecycle(promotion, top1Tolerance, 1.0, Duration.ofSeconds(1), 0),
                null, new NameOriginProperties.Prediction("training", 0.6));
    }

    private VersionTrainer trainer(NameOriginProperties properties, CheckpointStore checkpoints) {
        ModelStore store = new ModelStore(properties.modelsDir());
        return new VersionTrainer(properties, store, new ModelActivator(store, registry, health), registry,
                new TrainingMonitor(), health, meters, checkpoints);
    }

    @Test
    void aSaveThatFailsIsReportedAndTheModelIsStillServed() throws Exception {
        NameOriginProperties properties = properties(NameOriginProperties.Promotion.IF_NOT_WORSE, 0.01);
        CheckpointStore full = new CheckpointStore() {
            @Override
            public void save(Path target, LoadedModel model, List<String> probeNames) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        try (VersionTrainer trainer = trainer(properties, full)) {
            String id = trainer.trainNow();

            ModelVersion version = new ModelStore(properties.modelsDir()).find(id).orElseThrow();
            assertThat(version.status()).isEqualTo(VersionStatus.FAILED);
            assertThat(version.reason()).contains("could not be saved").contains("No space left on device");
            assertThat(health.saveFailure()).get().asString().contains("lost at the next restart");
            assertThat(registry.state()).isEqualTo(ModelState.READY);
            assertThat(meters.get("nameorigin.lifecycle.trainings").tag("outcome", "unsaved").counter().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void theFirstVersionIsActivatedAndTheGateRejectsAWorseOne() throws Exception {
        // A tolerance below zero: the candidate would have to beat the active model by a whole point.
        NameOriginProperties properties = properties(NameOriginProperties.Promotion.IF_NOT_WORSE, -1.0);
        ModelStore store = new ModelStore(properties.modelsDir());
        try (VersionTrainer trainer = trainer(properties, new CheckpointStore())) {
            String first = trainer.trainNow();
            assertThat(registry.version()).contains(first);
            assertThat(store.active()).contains(first);

            String second = trainer.start(new VersionTrainer.Overrides(1, 11L));
            assertThat(trainer.training()).contains(second);
            await().atMost(Duration.ofMinutes(2)).until(() -> trainer.training().isEmpty());

            ModelVersion rejected = store.find(second).orElseThrow();
            assertThat(rejected.status()).isEqualTo(VersionStatus.REJECTED);
            assertThat(rejected.reason()).contains("Worse than the active version " + first);
            assertThat(rejected.gate().names()).isPositive();
            assertThat(rejected.recipe()).containsEntry("epochs", 1);
            assertThat(registry.version()).contains(first);
            assertThat(store.active()).contains(first);
            assertThat(meters.get("nameorigin.lifecycle.gate.rejections").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void aSecondTrainingWhileOneRunsIsRefused() throws Exception {
        NameOriginProperties properties = properties(NameOriginProperties.Promotion.MANUAL, 0.01);
        try (VersionTrainer trainer = trainer(properties, new CheckpointStore())) {
            trainer.start(new VersionTrainer.Overrides(1, null));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> trainer.start(new VersionTrainer.Overrides(1, null)))
                    .isInstanceOf(VersionTrainer.BusyException.class);
            await().atMost(Duration.ofMinutes(2)).until(() -> trainer.training().isEmpty());
        }
    }
}
