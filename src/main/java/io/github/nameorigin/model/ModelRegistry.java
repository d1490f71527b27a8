package io.github.nameorigin.model;

import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the live model and its lifecycle state. It owns the model: the previous one is closed
 * when a new one is installed, and the last one at shutdown. Inference runs under a read lock so
 * a model is never closed while a request is using it.
 */
@Component
public class ModelRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile ModelState state = ModelState.LOADING;
    private volatile String failure;
    private ServingModel current;
    private volatile String version;
    private final java.util.List<java.util.function.Consumer<ServingModel>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong swaps = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The current state.
     *
     * @return the state
     */
    public ModelState state() {
        return state;
    }

    /**
     * Waits until a model is served or none can be: for the one-shot commands that start with
     * the application and must not score before the model is loaded.
     *
     * @return {@link ModelState#READY} or {@link ModelState#FAILED}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public ModelState awaitSettled() throws InterruptedException {
        long lastLog = System.nanoTime();
        while (true) {
            ModelState current = state;
            if (current == ModelState.READY || current == ModelState.FAILED) {
                return current;
            }
            if (System.nanoTime() - lastLog > 30_000_000_000L) {
                log.info("Waiting for the model (state {})", current);
                lastLog = System.nanoTime();
            }
            Thread.sleep(250);
        }
    }

    /**
     * Why the registry is FAILED, if it is.
     *
     * @return the reason, or empty
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Metadata of the live model, if there is one.
     *
     * @return the metadata, or empty
     */
    public Optional<CheckpointMetadata> metadata() {
        return fromCurrent(ServingModel::metadata);
    }

    /**
     * Training history of the live model, if there is one and it has a history.
     *
     * @return the history, or empty
     */
    public Optional<TrainingHistory> history() {
        return fromCurrent(ServingModel::history);
    }

    /**
     * The live model's metadata, report and history, read together: separate reads could mix
     * two models when a new one is installed between them.
     *
     * @return the description, or empty when no model is served
     */
    public Optional<Description> description() {
        return fromCurrent(model -> new Description(model.metadata(), model.evaluation(), model.history()));
    }

    /**
     * What one live model says about itself.
     *
     * @param metadata   its checkpoint metadata
     * @param evaluation its validation report, or null for checkpoints saved without one
     * @param history    its training history, or null for checkpoints saved without one
     */
    public record Description(CheckpointMetadata metadata, EvaluationReport evaluation, TrainingHistory history) {
    }

    /** A value of the live model, read under the lock that keeps it from being closed meanwhile. */
    private <T> Optional<T> fromCurrent(Function<ServingModel, T> getter) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(current).map(getter);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The store version of the live model.
     *
     * @return its id, or empty when none is served or it came from outside the store
     */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /**
     * How many times a model replaced another since the start.
     *
     * @return the count
     */
    public long swaps() {
        return swaps.get();
    }

    /**
     * Runs work against the live model and says which version did it; the model cannot be
     * closed meanwhile, and the version is read under the same lock, so they belong together.
     *
     * @param work what to do with the classifier and its version id (null outside the store)
     * @param <T>  the result type
     * @return what the work returned
     * @throws ModelNotReadyException when no model is ready
     */
    public <T> T withVersionedClassifier(java.util.function.BiFunction<OriginClassifier, String, T> work) {
        lock.readLock().lock();
        try {
            ServingModel model = current;
            if (model == null) {
                throw new ModelNotReadyException(state);
            }
            return work.apply(model, version);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs work against the live model; the model cannot be closed meanwhile.
     *
     * @param work what to do with the classifier
     * @param <T>  the result type
     * @return what the work returned
     * @throws ModelNotReadyException when no model is ready
     */
    public <T> T withClassifier(Function<OriginClassifier, T> work) {
        lock.readLock().lock();
        try {
            ServingModel model = current;
            if (model == null) {
                throw new ModelNotReadyException(state);
            }
            return work.apply(model);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Marks that a checkpoint is being loaded. */
    public void markLoading() {
        if (current == null) {
            state = ModelState.LOADING;
        }
    }

    /** Marks that a model is being trained. */
    public void markTraining() {
        if (current == null) {
            state = ModelState.TRAINING;
        }
    }

    /**
     * Marks that no model could be had, unless one is already served.
     *
     * @param reason what went wrong, for the status endpoint
     */
    public void markFailed(String reason) {
        failure = reason;
        if (current == null) {
            state = ModelState.FAILED;
        }
    }

    /**
     * Adds a listener told of every installed model, before the registry reports it READY (so that
     * what it updates, such as a metric, is current by the time the model serves).
     *
     * @param listener called with the new model, under the registry's write lock: keep it short
     */
    public void onInstall(java.util.function.Consumer<ServingModel> listener) {
        listeners.add(listener);
    }

    /**
     * Installs a new live model, closing the previous one.
     *
     * @param model the model to serve; the registry owns it from now on
     */
    public void install(ServingModel model) {
        install(model, null);
    }

    /**
     * Installs a new live model from the store, closing the previous one. Requests already
     * running hold the read lock: the swap waits for them (they finish on the old model), and
     * the old model is closed after the swap, when no request can reach it any more.
     *
     * @param model     the model to serve; the registry owns it from now on
     * @param versionId its store version, or null
     */
    public void install(ServingModel model, String versionId) {
        ServingModel previous;
        lock.writeLock().lock();
        try {
            previous = current;
            current = model;
            version = versionId;
            failure = null;
            for (java.util.function.Consumer<ServingModel> listener : listeners) {
                try {
                    listener.accept(model);
                } catch (RuntimeException e) {
                    log.warn("A model listener failed: {}", e.toString());
                }
            }
            state = ModelState.READY;
        } finally {
            lock.writeLock().unlock();
        }
        if (previous != null) {
            swaps.incrementAndGet();
            previous.close();
        }
        log.info("Serving model {}: {} over {} origins, created {}", versionId == null ? "(outside the store)" : versionId,
                model.metadata().architecture().architecture(), model.metadata().origins().size(),
                model.metadata().createdAt());
    }

    /** Closes the live model at shutdown. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (current != null) {
                current.close();
                current = null;
                version = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
