package io.github.nameorigin.model;

import java.time.Instant;
import java.util.List;

import io.github.nameorigin.evaluation.TopLabelCalibration;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * The JSON side file of a checkpoint: everything needed to rebuild the network and to say what
 * it is.
 *
 * @param formatVersion      version of this file's layout; a different one is rejected
 * @param architecture       the network's architecture and size
 * @param vocabulary         the characters the model knows, in index order (index 0 is padding)
 * @param origins            the labels, in output order
 * @param temperature        softmax temperature fitted on validation (1 means uncalibrated)
 * @param calibration        top-label map applied after the temperature, or null for none (as
 *                           in checkpoints written before it existed)
 * @param datasetFingerprint SHA-256 over the training files' names and contents
 * @param trainingSeed       the seed the model was trained with
 * @param trainingSeconds    wall time of training
 * @param validation         validation figures of the saved model
 * @param createdAt          when the checkpoint was written
 */
public record CheckpointMetadata(
        int formatVersion,
        NameOriginProperties.Model architecture,
        String vocabulary,
        List<String> origins,
        float temperature,
        TopLabelCalibration calibration,
        String datasetFingerprint,
        long trainingSeed,
        double trainingSeconds,
        ValidationMetrics validation,
        Instant createdAt) {

    /** The layout version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
}
