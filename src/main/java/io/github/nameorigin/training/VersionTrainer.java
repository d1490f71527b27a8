package io.github.nameorigin.training;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.CheckpointStore;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.ModelActivator;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelStore;
import io.github.nameorigin.model.ModelVersion;
import io.github.nameorigin.model.VersionStatus;
import io.github.nameorigin.system.NameOriginProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains new versions into the model store, one at a time across every replica that shares the
 * store (its training lock), on a limited background thread ({@link TrainingThreads}). A finished
 * version is saved, put through the {@link PromotionGate} against the active model, then activated,
 * kept as a CANDIDATE or REJECTED according to {@code nameorigin.lifecycle.promotion}. With no model
 * active yet (the first start) it is activated.
 */
@Component
public class VersionTrainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VersionTrainer.class);

    private final NameOriginProperties properties;
    private final ModelStore store;
    private final ModelActivator activator;
    private final ModelRegistry registry;
    private final TrainingMonitor monitor;
    private final CheckpointHealth health;
    private final MeterRegistry meters;
    private final CheckpointStore checkpoints;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(TrainingThreads.factory("model-training"));
    private final Object guard = new Object();
    private volatile String training;

    @org.springframework.beans.factory.annotation.Autowired
    VersionTrainer(NameOriginProperties properties, ModelStore store, ModelActivator activator, ModelRegistry registry,
            TrainingMonitor monitor, CheckpointHealth health, MeterRegistry meters) {
        this(properties, store, activator, registry, monitor, health, meters, new CheckpointStore());
    }

    /** With another checkpoint writer: tests make saves fail. */
    VersionTrainer(NameOriginProperties properties, ModelStore store, ModelActivator activator, ModelRegistry registry,
            TrainingMonitor monitor, CheckpointHealth health, MeterRegistry meters, CheckpointStore checkpoints) {
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.store = store;
        this.activator = activator;
        this.registry = registry;
        this.monitor = monitor;
        this.health = health;
        this.meters = meters;
    }

    /**
     * What a training may change of the configured recipe.
     *
     * @param epochs passes over the training names, or null for the configured number
     * @param seed   seed of the split, initialisation and shuffling, or null for the configured one
     */
    public record Overrides(Integer epochs, Long seed) {
    }

    /** No dataset is configured ({@code nameorigin.data-dir}). */
    public static final class NoDatasetException extends RuntimeException {
        NoDatasetException() {
            super("No dataset to train on: set nameorigin.data-dir");
        }
    }

    /** Another training runs, in this replica or another one sharing the store. */
    public static final class BusyException extends RuntimeException {
        BusyException(String message) {
            super(message);
        }
    }

    /**
     * The version being trained in this process.
     *
     * @return its id, or empty
     */
    public Optional<String> training() {
        return Optional.ofNullable(training);
    }

    /**
     * Starts training a new version in the background.
     *
     * @param overrides changes to the recipe
     * @return the new version's id (TRAINING)
     * @throws NoDatasetException when there is no dataset
     * @throws BusyException      when a training runs already
     */
    public String start(Overrides overrides) {
        Begun begun = begin(overrides);
        executor.execute(() -> {
            TrainingThreads.limitCurrentThread(properties.lifecycle().trainingNice());
            run(begun, overrides);
        });
        return begun.id();
    }

    /**
     * Trains a new version on the calling thread (at startup, when there is no model to keep
     * serving): the lock is waited for, not refused.
     *
     * @return the new version's id, whatever its outcome
     */
    String trainNow() {
        Begun begun = begin(new Overrides(null, null));
        run(begun, new Overrides(null, null));
        return begun.id();
    }

    private record Begun(String id, FileLock lock, ModelVersion version) {
    }

    private Begun begin(Overrides overrides) {
        if (properties.dataDir() == null) {
            throw new NoDatasetException();
        }
        synchronized (guard) {
            if (training != null) {
                throw new BusyException("Version " + training + " is being trained; wait until it ends");
            }
            FileLock lock;
            try {
                lock = store.tryLock().orElseThrow(() -> new BusyException(
                        "Another replica is training or setting up the model store; retry later"));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot lock the model store at " + store.root() + ": " + e, e);
            }
            String id = store.newId("trained");
            Map<String, Object> recipe = new LinkedHashMap<>();
            recipe.put("epochs", overrides.epochs() != null ? overrides.epochs() : properties.training().epochs());
            recipe.put("seed", overrides.seed() != null ? overrides.seed() : properties.training().seed());
            ModelVersion version = new ModelVersion(id, Instant.now(), "trained", VersionStatus.TRAINING, null, null,
                    null, Map.copyOf(recipe));
            try {
                store.write(version);
            } catch (IOException e) {
                ModelStore.release(lock);
                throw new IllegalStateException("Cannot write to the model store at " + store.root() + ": " + e, e);
            }
            training = id;
            return new Begun(id, lock, version);
        }
    }

    private void run(Begun begun, Overrides overrides) {
        String outcome = "failed";
        ModelVersion version = begun.version();
        try {
            NameOriginProperties.Training recipe = recipe(overrides);
            NamesDataset dataset = NamesDataset.read(properties.dataDir());
            DatasetSplit split = DatasetSplit.of(dataset, recipe.validationFraction(), recipe.seed());
            ExtraNames.Sources extra = ExtraNames.Sources.read(dataset, properties.extraDataDirs(),
                    recipe.heldOutSource());
            LoadedModel model = new ModelTrainer(properties.model(), recipe, monitor)
                    .withExtraNames(extra.trained(), extra.heldOut(), extra.heldOutName()).train(dataset);
            try {
                checkpoints.save(store.checkpointDir(version.id()), model,
                        ProbeNames.of(split, dataset.origins().size()));
                health.saved();
                model.close();
            } catch (IOException | RuntimeException e) {
                String reason = "The trained model could not be saved to " + store.checkpointDir(version.id())
                        + " and is lost at the next restart: " + e;
                health.saveFailed(reason);
                write(version.with(VersionStatus.FAILED, reason));
                outcome = "unsaved";
                log.error("{}", reason);
                if (registry.state() != io.github.nameorigin.model.ModelState.READY) {
                    // nothing else to serve: serve it unsaved rather than nothing
                    registry.install(model, null);
                } else {
                    model.close();
                }
                return;
            }
            version = new ModelVersion(version.id(), version.createdAt(), version.source(), VersionStatus.CANDIDATE,
                    null, null, null, version.recipe());
            outcome = promote(version, split, dataset.origins());
        } catch (Exception e) {
            log.error("Training version {} failed: {}", version.id(), e.toString(), e);
            write(version.with(VersionStatus.FAILED, "Training failed: " + e.getMessage()));
        } finally {
            meters.counter("nameorigin.lifecycle.trainings", "outcome", outcome).increment();
            synchronized (guard) {
                training = null;
                ModelStore.release(begun.lock());
            }
        }
    }

    /** Gate, then activate, keep or reject; returns the outcome for the metric. */
    private String promote(ModelVersion candidate, DatasetSplit split, List<String> origins) throws Exception {
        boolean first = registry.state() != io.github.nameorigin.model.ModelState.READY;
        ModelVersion.GateResult gate = null;
        try (LoadedModel reloaded = checkpoints.load(store.checkpointDir(candidate.id()))) {
            if (!first) {
                gate = new PromotionGate(properties.lifecycle()).compare(reloaded, registry, split.validation(), origins);
            }
            candidate = new ModelVersion(candidate.id(), candidate.createdAt(), candidate.source(),
                    VersionStatus.CANDIDATE, null, reloaded.metadata().validation(), gate, candidate.recipe());
        }
        store.write(candidate);
        if (first) {
            activator.activate(candidate.id(), true);
            return "activated";
        }
        if (properties.lifecycle().promotion() == NameOriginProperties.Promotion.MANUAL) {
            return "candidate";
        }
        if (gate != null && !gate.passed()) {
            String reason = new PromotionGate(properties.lifecycle()).reason(gate);
            store.write(candidate.with(VersionStatus.REJECTED, reason));
            meters.counter("nameorigin.lifecycle.gate.rejections").increment();
            log.info("Version {} rejected: {}", candidate.id(), reason);
            return "rejected";
        }
        activator.activate(candidate.id(), true);
        return "activated";
    }

    private NameOriginProperties.Training recipe(Overrides overrides) {
        NameOriginProperties.Training t = properties.training();
        return new NameOriginProperties.Training(overrides.seed() != null ? overrides.seed() : t.seed(),
                overrides.epochs() != null ? overrides.epochs() : t.epochs(), t.iterations(), t.batchSize(),
                t.learningRate(), t.validationFraction(), t.logEvery(), t.lossEvery(), t.labelSmoothing(),
                t.cosineDecay(), t.classWeightPower(), t.refit(), t.heldOutSource());
    }

    private void write(ModelVersion version) {
        try {
            store.write(version);
        } catch (IOException e) {
            log.warn("Could not record the status of version {}: {}", version.id(), e.toString());
        }
    }

    /** Stops a training at shutdown. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
