package io.github.nameorigin.model;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * What went wrong with checkpoints in this process, for the status endpoint, the health details
 * and the metrics: a model that is served but could not be saved is lost at the next restart, and
 * a checkpoint that was refused at load must say why, even after another model took its place.
 */
@Component
public class CheckpointHealth {

    private final AtomicLong saveFailures = new AtomicLong();
    private volatile String saveFailure;
    private volatile String loadFailure;

    /**
     * Records that a trained model could not be saved.
     *
     * @param reason where and why
     */
    public void saveFailed(String reason) {
        saveFailures.incrementAndGet();
        saveFailure = reason;
    }

    /** Records that a model was saved: the last save failure no longer holds. */
    public void saved() {
        saveFailure = null;
    }

    /**
     * Records that a checkpoint was refused at load.
     *
     * @param reason the checkpoint's problem
     */
    public void loadFailed(String reason) {
        loadFailure = reason;
    }

    /** Records that the served model was loaded or trained whole. */
    public void loaded() {
        loadFailure = null;
    }

    /**
     * Why the last save failed, unless a later one succeeded.
     *
     * @return the reason, or empty
     */
    public Optional<String> saveFailure() {
        return Optional.ofNullable(saveFailure);
    }

    /**
     * Why the last refused checkpoint was refused, unless a later load succeeded.
     *
     * @return the reason, or empty
     */
    public Optional<String> loadFailure() {
        return Optional.ofNullable(loadFailure);
    }

    /**
     * Saves that failed since the start.
     *
     * @return the count
     */
    public long saveFailures() {
        return saveFailures.get();
    }
}
