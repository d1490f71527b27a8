package io.github.nameorigin.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.github.nameorigin.system.NameOriginProperties;

/** Small random checkpoints for store and activation tests. */
final class TestCheckpoints {

    static final String CHARS = " '-abcdefgh";

    private TestCheckpoints() {
    }

    /** A random GRU over five origins; {@code seed} makes different models. */
    static LoadedModel model(int seed) {
        NetworkSpec config = TestNetworks.spec("gru", 16, 8, 1, true, 0f);
        CheckpointMetadata metadata = new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, config, CHARS,
                List.of("A", "B", "C", "D", "E"), 1f, null, "fingerprint", seed, 1.0,
                new ValidationMetrics(10, 0.5, 0.8, 0.4, 0.05, 0.07), null, Instant.parse("2026-01-02T03:04:05Z"));
        ai.djl.engine.Engine.getInstance().setRandomSeed(seed);
        return new LoadedModel(NetworkFactoryTests.initialized(config), metadata, null, null, null);
    }

    /** Saves a random model as a new store version with the given status. */
    static String version(ModelStore store, String source, int seed, VersionStatus status) throws IOException {
        String id = store.newId(source);
        try (LoadedModel model = model(seed)) {
            new CheckpointStore().save(store.checkpointDir(id), model);
        }
        store.write(new ModelVersion(id, Instant.now(), source, status, null, null, null, null));
        return id;
    }

    static Path dir(ModelStore store, String id) {
        return store.checkpointDir(id);
    }
}
