package io.github.nameorigin.model;

/**
 * Where a model version stands in the store.
 */
public enum VersionStatus {
    /** Being trained; not loadable yet. */
    TRAINING,
    /** Saved and checked, waiting for an operator (or the promotion gate) to activate it. */
    CANDIDATE,
    /** The version the {@code active} pointer names: the one served. */
    ACTIVE,
    /** Served before, replaced by another since. */
    RETIRED,
    /** Refused by the promotion gate; it can still be activated by hand. */
    REJECTED,
    /** Could not be trained, saved or loaded; never served. */
    FAILED
}
