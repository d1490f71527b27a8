package io.github.nameorigin.model;

/**
 * Lifecycle of the live model.
 */
public enum ModelState {
    /** A checkpoint is being read. */
    LOADING,
    /** A model is being trained; none is served yet. */
    TRAINING,
    /** A model is loaded and serves predictions. */
    READY,
    /** No model could be loaded or trained. */
    FAILED
}
