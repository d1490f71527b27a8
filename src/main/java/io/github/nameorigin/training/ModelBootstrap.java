package io.github.nameorigin.training;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.CheckpointException;
import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.CheckpointStore;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.ModelActivator;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.model.ModelStore;
import io.github.nameorigin.model.ModelVersion;
import io.github.nameorigin.model.VersionStatus;
import io.github.nameorigin.system.NameOriginProperties;
import io.github.nameorigin.system.NameOriginProperties.Mode;
import io.github.nameorigin.system.NameOriginProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gets a model into the registry while the application starts, on its own thread so the HTTP
 * server answers at once. The model store ({@code nameorigin.models-dir}) decides: the version its
 * {@code active} pointer names is served; with no pointer yet, the bundled checkpoint
 * ({@code nameorigin.checkpoint-dir}) becomes the store's first version; with none either (or in
 * {@code train} mode) a version is trained on the configured dataset. A version that no longer
 * loads is reported with the cause and not served: outside {@code load} mode a new one is trained
 * when a dataset is configured, otherwise the registry goes FAILED.
 */
@Component
public class ModelBootstrap implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelBootstrap.class);

    private final NameOriginProperties properties;
    private final ModelRegistry registry;
    private final CheckpointHealth health;
    private final ModelStore store;
    private final ModelActivator activator;
    private final VersionTrainer trainer;
    private final CheckpointStore checkpoints = new CheckpointStore();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "model-bootstrap");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String source;

    ModelBootstrap(NameOriginProperties properties, ModelRegistry registry, CheckpointHealth health, ModelStore store,
            ModelActivator activator, VersionTrainer trainer) {
        this.properties = properties;
        this.registry = registry;
        this.health = health;
        this.store = store;
        this.activator = activator;
        this.trainer = trainer;
    }

    /**
     * Where the live model came from.
     *
     * @return {@code checkpoint} (a store version loaded), {@code training} (trained at this
     *         start), or null while there is none
     */
    public String source() {
        return source;
    }

    /**
     * Starts getting a model as soon as this bean exists: loading the PyTorch engine and the
     * checkpoint then overlaps the rest of the application's startup (about a second of a cold
     * start), and the HTTP server still answers from the moment it is up.
     */
    @PostConstruct
    void start() {
        executor.execute(this::bootstrap);
    }

    void bootstrap() {
        Mode mode = properties.mode();
        try {
            tidyStore();
            if (mode == Mode.TRAIN) {
                train();
                return;
            }
            Optional<String> active = store.active();
            if (active.isPresent()) {
                if (activate(active.get(), false)) {
                    return;
                }
            } else if (checkpoints.isPresent(properties.checkpointDir())) {
                if (startFromBundled(properties.checkpointDir())) {
                    return;
                }
            } else if (mode == Mode.LOAD) {
                fail("No checkpoint at " + properties.checkpointDir().toAbsolutePath()
                        + " and no version in the model store at " + store.root() + " (nameorigin.mode=load)");
                return;
            } else {
                log.info("No checkpoint at {} and no version in the model store at {}; training one",
                        properties.checkpointDir().toAbsolutePath(), store.root());
            }
            if (mode == Mode.LOAD) {
                fail(health.loadFailure().orElse("No model could be loaded") + " (nameorigin.mode=load)");
                return;
            }
            if (properties.dataDir() == null) {
                fail(health.loadFailure().map(reason -> reason + "; no dataset to train another on")
                        .orElse("No usable checkpoint and no dataset to train on (set nameorigin.data-dir)"));
                return;
            }
            train();
        } catch (RuntimeException e) {
            log.error("Could not get a model: {}", e.getMessage(), e);
            fail(e.getMessage());
        }
    }

    /** Serves a store version; false (reported) when it does not load. */
    private boolean activate(String id, boolean movePointer) {
        registry.markLoading();
        long started = System.nanoTime();
        try {
            activator.activate(id, movePointer);
            source = "checkpoint";
            log.info("Loaded model version {} from {} in {} ms", id, store.root(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (CheckpointException | IOException | RuntimeException e) {
            log.error("Cannot serve model version {}: {}", id, e.getMessage());
            health.loadFailed("Version " + id + " cannot be served: " + e.getMessage());
            return false;
        }
    }

    /**
     * Makes the bundled checkpoint the store's first version and serves it. Replicas starting
     * together on an empty store take turns through the store's lock: one imports, the others
     * wait for its pointer and serve what it names.
     */
    private boolean startFromBundled(Path checkpoint) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (true) {
            Optional<FileLock> lock;
            try {
                lock = store.tryLock();
            } catch (IOException e) {
                health.loadFailed("The model store at " + store.root() + " cannot be locked: " + e);
                return false;
            }
            if (lock.isPresent()) {
                try {
                    Optional<String> active = store.active();
                    if (active.isPresent()) {
                        return activate(active.get(), false);
                    }
                    Optional<String> bundled = importBundled(checkpoint);
                    return bundled.isPresent() && activate(bundled.get(), true);
                } finally {
                    ModelStore.release(lock.get());
                }
            }
            Optional<String> active = store.active();
            if (active.isPresent()) {
                return activate(active.get(), false);
            }
            if (System.nanoTime() > deadline) {
                health.loadFailed("Another replica holds the model store's lock and set no active version");
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Copies the bundled checkpoint into the store as its first version, once it passed its checks. */
    private Optional<String> importBundled(Path checkpoint) {
        String id;
        try (LoadedModel model = checkpoints.load(checkpoint)) {
            id = ModelStore.idAt("bundled", model.metadata().createdAt());
            if (store.find(id).isEmpty()) {
                store.addCheckpoint(id, checkpoint);
                store.write(new ModelVersion(id, model.metadata().createdAt(), "bundled", VersionStatus.CANDIDATE,
                        null, model.metadata().validation(), null, null));
                log.info("Imported the bundled checkpoint {} into the model store as {}", checkpoint.toAbsolutePath(), id);
            }
            return Optional.of(id);
        } catch (CheckpointException e) {
            log.error("Cannot use the bundled checkpoint: {}", e.getMessage());
            health.loadFailed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("Cannot import the bundled checkpoint into {}: {}", store.root(), e.toString());
            health.loadFailed("The bundled checkpoint could not be copied into the model store at " + store.root()
                    + ": " + e);
        }
        return Optional.empty();
    }

    private void train() {
        registry.markTraining();
        try {
            // set first: the status may be read the moment the trained model turns READY
            source = "training";
            String id = trainer.trainNow();
            if (registry.state() != ModelState.READY) {
                source = null;
                fail(store.find(id).map(ModelVersion::reason).orElse("Training version " + id + " failed"));
            }
        } catch (VersionTrainer.BusyException e) {
            // Another replica trains the first version: the pointer watcher serves it when it is done.
            source = null;
            log.info("{}; serving its version once it is activated", e.getMessage());
        }
    }

    /**
     * Removes what interrupted writes left in the store and marks versions whose training was cut
     * short as FAILED: only while no replica trains (the store's lock is free).
     */
    private void tidyStore() {
        Optional<FileLock> lock;
        try {
            lock = store.tryLock();
        } catch (IOException e) {
            log.warn("Cannot lock the model store at {}: {}", store.root(), e.toString());
            return;
        }
        if (lock.isEmpty()) {
            return;
        }
        try {
            for (Path leftover : store.removeLeftovers()) {
                log.warn("Removed {}, left by an interrupted write", leftover);
            }
            for (ModelVersion version : store.list()) {
                if (version.status() == VersionStatus.TRAINING) {
                    store.write(version.with(VersionStatus.FAILED, "Its training was interrupted (the replica stopped)"));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not tidy the model store at {}: {}", store.root(), e.toString());
        } finally {
            ModelStore.release(lock.get());
        }
    }

    private void fail(String reason) {
        log.error("No model to serve: {}", reason);
        registry.markFailed(reason);
    }

    /** Stops a training run at shutdown. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
