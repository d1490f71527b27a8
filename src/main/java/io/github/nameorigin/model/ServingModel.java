package io.github.nameorigin.model;

/**
 * A model that can be served: inference plus the metadata of its checkpoint. Closing it frees
 * its native memory.
 */
public interface ServingModel extends OriginClassifier, AutoCloseable {

    /**
     * Metadata of the checkpoint this model was loaded from or saved to.
     *
     * @return the metadata
     */
    CheckpointMetadata metadata();

    @Override
    void close();
}
