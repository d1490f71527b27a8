package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelActivatorTests {

    @TempDir
    Path dir;

    private final ModelRegistry registry = new ModelRegistry();
    private final CheckpointHealth health = new CheckpointHealth();

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void activationSwapsTheServedModelAndMovesThePointer() throws Exception {
        ModelStore store = new ModelStore(dir);
        ModelActivator activator = new ModelActivator(store, registry, health);
        String a = TestCheckpoints.version(store, "bundled", 1, VersionStatus.CANDIDATE);
        String b = TestCheckpoints.version(store, "trained", 2, VersionStatus.CANDIDATE);

        activator.activate(a, true);
        float[] fromA = registry.withClassifier(c -> c.predict(List.of("cafe")))[0];
        activator.activate(b, true);
        float[] fromB = registry.withClassifier(c -> c.predict(List.of("cafe")))[0];

        assertThat(registry.version()).contains(b);
        assertThat(registry.swaps()).isEqualTo(1);
        assertThat(store.active()).contains(b);
        assertThat(fromB).isNotEqualTo(fromA);
        assertThat(store.list()).extracting(ModelVersion::status)
                .containsExactly(VersionStatus.RETIRED, VersionStatus.ACTIVE);

        activator.activate(a, true);
        String served = registry.withVersionedClassifier((c, v) -> v + ":" + c.predict(List.of("cafe"))[0][0]);
        assertThat(served).isEqualTo(a + ":" + fromA[0]);
    }

    @Test
    void aCorruptVersionIsRefusedAndTheActiveModelKeepsServing() throws Exception {
        ModelStore store = new ModelStore(dir);
        ModelActivator activator = new ModelActivator(store, registry, health);
        String good = TestCheckpoints.version(store, "bundled", 1, VersionStatus.CANDIDATE);
        String bad = TestCheckpoints.version(store, "imported", 2, VersionStatus.CANDIDATE);
        Path metadata = store.checkpointDir(bad).resolve("metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("\"A\"", "\"Z\""));
        activator.activate(good, true);

        assertThatThrownBy(() -> activator.activate(bad, true)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("metadata.json was changed");

        assertThat(registry.version()).contains(good);
        assertThat(registry.state()).isEqualTo(ModelState.READY);
        assertThat(store.active()).contains(good);
        assertThat(store.find(bad)).get().extracting(ModelVersion::status).isEqualTo(VersionStatus.FAILED);
        assertThat(store.find(bad).orElseThrow().reason()).contains("metadata.json was changed");
        assertThat(health.loadFailure()).get().asString().contains(bad);
    }

    @Test
    void followingThePointerDoesNotWriteIt() throws Exception {
        ModelStore store = new ModelStore(dir);
        ModelActivator activator = new ModelActivator(store, registry, health);
        String a = TestCheckpoints.version(store, "bundled", 1, VersionStatus.CANDIDATE);

        activator.activate(a, false);

        assertThat(registry.version()).contains(a);
        assertThat(store.active()).isEmpty();
    }
}
