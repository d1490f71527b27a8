package io.github.nameorigin.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;

import io.github.nameorigin.model.CheckpointArchive;
import io.github.nameorigin.model.CheckpointException;
import io.github.nameorigin.model.CheckpointStore;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.ModelActivator;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelStore;
import io.github.nameorigin.model.ModelVersion;
import io.github.nameorigin.model.VersionStatus;
import io.github.nameorigin.training.TrainingMonitor;
import io.github.nameorigin.training.TrainingStatus;
import io.github.nameorigin.training.VersionTrainer;

/**
 * What the management API does with the store, with its failures turned into
 * {@link ManagementProblem}s.
 */
@Service
@Conditional(OnManagementKey.class)
class ModelLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelLifecycle.class);

    private final ModelStore store;
    private final ModelActivator activator;
    private final ModelRegistry registry;
    private final VersionTrainer trainer;
    private final TrainingMonitor monitor;
    private final CheckpointStore checkpoints = new CheckpointStore();

    ModelLifecycle(ModelStore store, ModelActivator activator, ModelRegistry registry, VersionTrainer trainer,
            TrainingMonitor monitor) {
        this.store = store;
        this.activator = activator;
        this.registry = registry;
        this.trainer = trainer;
        this.monitor = monitor;
    }

    VersionView.Listing list() {
        return new VersionView.Listing(store.active().orElse(null),
                store.list().stream().map(this::view).toList());
    }

    VersionView get(String id) {
        return store.find(id).map(this::view).orElseThrow(() -> ManagementProblem.notFound(id));
    }

    private VersionView view(ModelVersion version) {
        boolean here = version.status() == VersionStatus.TRAINING && trainer.training().filter(version.id()::equals)
                .isPresent();
        TrainingMonitor.Snapshot run = here ? monitor.snapshot() : null;
        // before its first step the monitor still shows the previous run
        return VersionView.of(version, run != null && run.running() ? TrainingStatus.Progress.of(run) : null);
    }

    VersionView train(VersionView.TrainRequest request) {
        VersionView.TrainRequest recipe = request == null ? new VersionView.TrainRequest(null, null) : request;
        if (recipe.epochs() != null && (recipe.epochs() < 1 || recipe.epochs() > 1000)) {
            throw ManagementProblem.badRequest("Invalid recipe", "epochs must be between 1 and 1000.");
        }
        try {
            String id = trainer.start(new VersionTrainer.Overrides(recipe.epochs(), recipe.seed()));
            log.info("Training model version {} (epochs {}, seed {})", id, recipe.epochs(), recipe.seed());
            return get(id);
        } catch (VersionTrainer.NoDatasetException e) {
            throw ManagementProblem.badRequest("No dataset", e.getMessage() + " to train new versions.");
        } catch (VersionTrainer.BusyException e) {
            throw ManagementProblem.conflict("A training is running", e.getMessage());
        }
    }

    VersionView activate(String id) {
        String serving = registry.version().orElse("none");
        try {
            return view(activator.activate(id, true));
        } catch (NoSuchElementException e) {
            throw ManagementProblem.notFound(id);
        } catch (IllegalStateException e) {
            throw ManagementProblem.conflict("Version not ready", e.getMessage());
        } catch (CheckpointException e) {
            throw ManagementProblem.conflict("Version cannot be activated", "Version " + id
                    + " fails its load checks and was not activated; " + serving + " keeps serving. " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the active pointer: " + e, e);
        }
    }

    void delete(String id) {
        ModelVersion version = store.find(id).orElseThrow(() -> ManagementProblem.notFound(id));
        if (version.status() == VersionStatus.ACTIVE || id.equals(registry.version().orElse(null))) {
            throw ManagementProblem.conflict("Version is active",
                    "Version " + id + " is active; activate another version before deleting it.");
        }
        if (version.status() == VersionStatus.TRAINING) {
            throw ManagementProblem.conflict("Version is training", "Version " + id + " is still training.");
        }
        try {
            store.delete(id);
            log.info("Deleted model version {}", id);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete version " + id + ": " + e, e);
        }
    }

    VersionView importArchive(InputStream archive) throws IOException {
        Files.createDirectories(store.root());
        Path unpacked = Files.createTempDirectory(store.root(), ".import-");
        try {
            ModelVersion version;
            try {
                CheckpointArchive.unpack(archive, unpacked);
                try (LoadedModel model = checkpoints.load(unpacked)) {
                    String id = store.newId("imported");
                    version = new ModelVersion(id, java.time.Instant.now(), "imported", VersionStatus.CANDIDATE, null,
                            model.metadata().validation(), null, null);
                }
            } catch (CheckpointException e) {
                throw ManagementProblem.badRequest("Invalid checkpoint archive", e.getMessage()
                        .replace(unpacked.toString(), "the archive"));
            }
            store.addCheckpoint(version.id(), unpacked);
            store.write(version);
            log.info("Imported model version {}", version.id());
            return view(version);
        } finally {
            try (var files = Files.walk(unpacked)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
