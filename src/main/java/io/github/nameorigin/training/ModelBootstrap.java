package io.github.nameorigin.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.CheckpointException;
import io.github.nameorigin.model.CheckpointStore;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.system.NameOriginProperties;
import io.github.nameorigin.system.NameOriginProperties.Mode;

/**
 * Gets a model into the registry while the application starts, on its own thread so the HTTP
 * server answers at once: {@code auto} loads the checkpoint if present, else trains; {@code train}
 * always trains, then saves; {@code load} loads or fails. A checkpoint that cannot be read is
 * reported with the reason and, outside {@code load} mode, replaced by training when a dataset is
 * configured; otherwise the registry goes FAILED. A model is installed only once it is whole.
 */
@Component
public class ModelBootstrap implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelBootstrap.class);

    private final NameOriginProperties properties;
    private final ModelRegistry registry;
    private final TrainingMonitor monitor;
    private final TrainingMetrics metrics;
    private final CheckpointStore store = new CheckpointStore();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "model-bootstrap");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String source;

    ModelBootstrap(NameOriginProperties properties, ModelRegistry registry, TrainingMonitor monitor,
            TrainingMetrics metrics) {
        this.properties = properties;
        this.registry = registry;
        this.monitor = monitor;
        this.metrics = metrics;
    }

    /**
     * Where the live model came from.
     *
     * @return {@code checkpoint}, {@code training}, or null while there is none
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
        Path checkpoint = properties.checkpointDir();
        try {
            if (mode != Mode.TRAIN && loadCheckpoint(checkpoint, mode)) {
                return;
            }
            if (mode == Mode.LOAD) {
                return;
            }
            if (properties.dataDir() == null) {
                fail("No usable checkpoint at " + checkpoint.toAbsolutePath()
                        + " and no dataset to train on (set nameorigin.data-dir)");
                return;
            }
            train(properties.dataDir(), checkpoint);
        } catch (RuntimeException e) {
            log.error("Could not get a model: {}", e.getMessage(), e);
            fail(e.getMessage());
        }
    }

    private boolean loadCheckpoint(Path checkpoint, Mode mode) {
        if (!store.isPresent(checkpoint)) {
            String message = "No checkpoint at " + checkpoint.toAbsolutePath();
            if (mode == Mode.LOAD) {
                fail(message + " and nameorigin.mode=load");
            } else {
                log.info("{}; training one", message);
            }
            return false;
        }
        registry.markLoading();
        long started = System.nanoTime();
        try {
            LoadedModel model = store.load(checkpoint);
            source = "checkpoint";
            install(model);
            log.info("Loaded checkpoint {} in {} ms", checkpoint.toAbsolutePath(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (CheckpointException e) {
            log.error("Cannot use the checkpoint: {}", e.getMessage());
            if (mode == Mode.LOAD) {
                fail(e.getMessage());
            }
            return false;
        }
    }

    private void train(Path dataDir, Path checkpoint) {
        registry.markTraining();
        NamesDataset dataset = NamesDataset.read(dataDir);
        log.info("Read {} distinct names ({} lines) in {} origins from {}", dataset.names().size(),
                dataset.lines(), dataset.origins().size(), dataDir.toAbsolutePath());
        ExtraNames.Sources extra = ExtraNames.Sources.read(dataset, properties.extraDataDirs(),
                properties.training().heldOutSource());
        if (extra.trained() != null || extra.heldOut() != null) {
            log.info("Read {} extra distinct names to train on, {} held out ({}), from {}",
                    extra.trained() == null ? 0 : extra.trained().names().size(),
                    extra.heldOut() == null ? 0 : extra.heldOut().names().size(), extra.heldOutName(),
                    properties.extraDataDirs());
        }
        LoadedModel model = new ModelTrainer(properties.model(), properties.training(), monitor)
                .withExtraNames(extra.trained(), extra.heldOut(), extra.heldOutName()).train(dataset);
        try {
            store.save(checkpoint, model);
            log.info("Saved checkpoint to {}", checkpoint.toAbsolutePath());
        } catch (IOException e) {
            log.error("Could not save the checkpoint to {} (serving the trained model anyway): {}",
                    checkpoint.toAbsolutePath(), e.toString());
        }
        source = "training";
        install(model);
    }

    private void install(LoadedModel model) {
        registry.install(model);
        metrics.modelInstalled(model.metadata());
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
