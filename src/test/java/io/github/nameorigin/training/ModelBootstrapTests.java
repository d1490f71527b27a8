package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.nameorigin.model.CheckpointException;
import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.CheckpointStore;
import io.github.nameorigin.model.ModelActivator;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.model.ModelStore;
import io.github.nameorigin.system.NameOriginProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * What the bootstrap reports when it cannot get a model, without training anything.
 */
class ModelBootstrapTests {

    @Test
    void autoModeWithoutADatasetReportsWhyTheCheckpointCouldNotBeUsed(@TempDir Path dir, @TempDir Path models)
            throws IOException {
        Files.writeString(dir.resolve("metadata.json"), "{\"formatVersion\": ");
        String cause = catchThrowableOfType(CheckpointException.class, () -> new CheckpointStore().load(dir))
                .getMessage();
        NameOriginProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "nameorigin.mode", "auto", "nameorigin.checkpoint-dir", dir.toString(),
                "nameorigin.models-dir", models.toString())))
                .bind("nameorigin", NameOriginProperties.class).get();
        ModelRegistry registry = new ModelRegistry();
        TrainingMonitor monitor = new TrainingMonitor();
        CheckpointHealth health = new CheckpointHealth();
        ModelStore store = new ModelStore(models);
        ModelActivator activator = new ModelActivator(store, registry, health);
        VersionTrainer trainer = new VersionTrainer(properties, store, activator, registry, monitor, health,
                new SimpleMeterRegistry());

        new ModelBootstrap(properties, registry, health, store, activator, trainer).bootstrap();

        assertThat(registry.state()).isEqualTo(ModelState.FAILED);
        assertThat(registry.failure()).get().asString()
                .contains("no dataset to train")
                .contains(cause);
    }
}
