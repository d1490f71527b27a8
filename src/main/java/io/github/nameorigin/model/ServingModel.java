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

    /**
     * The full validation report of this model.
     *
     * @return the report, or null for checkpoints saved without one
     */
    EvaluationReport evaluation();

    /**
     * How training went: the loss curve and validation accuracy per epoch.
     *
     * @return the history, or null for checkpoints saved without one
     */
    TrainingHistory history();

    @Override
    void close();
}
