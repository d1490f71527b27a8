package io.github.nameorigin.model;

import java.time.Instant;
import java.util.List;


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
 * @param validation         validation figures: of the saved network, or with {@code refit} of the
 *                           network validated before it, on the names the refit then trained on
 * @param refit              how the saved network was trained again on all names after
 *                           validation, or null when it is the validated network itself
 * @param createdAt          when the checkpoint was written
 * @param predictionSets     conformal prediction sets fitted on the validation names, or null
 *                           (checkpoints written before they existed: requests for a coverage
 *                           are then refused)
 * @param trainingPrior      each origin's share of the training examples, in output order (what
 *                           {@link OriginPrior} divides by); null in checkpoints written before it
 * @param crossSource        figures on names of another source that the validated network did not
 *                           train on, under the training mix and under the even one; null when
 *                           no source was held out
 * @param unknownDetector    how the "none of these" score is computed for this model; null in
 *                           checkpoints without a character language model
 * @param priorCalibrations  calibration maps for answers under the named mixes other than the
 *                           training one, with their validation figures; null in checkpoints
 *                           written before them (those answers are then left as re-weighted)
 * @param datasetPrior       each origin's share of the dataset's own training names, without
 *                           the extra sources: what the softened mix softens; null when it is
 *                           the training prior (no extra sources, or checkpoints before it)
 */
public record CheckpointMetadata(
        int formatVersion,
        NetworkSpec architecture,
        String vocabulary,
        List<String> origins,
        float temperature,
        TopLabelCalibration calibration,
        String datasetFingerprint,
        long trainingSeed,
        double trainingSeconds,
        ValidationMetrics validation,
        Refit refit,
        Instant createdAt,
        PredictionSets predictionSets,
        double[] trainingPrior,
        CrossSource crossSource,
        UnknownDetector unknownDetector,
        List<PriorCalibration> priorCalibrations,
        double[] datasetPrior) {

    /**
     * Metadata without prediction sets, training prior, cross-source figures or detector.
     */
    public CheckpointMetadata(int formatVersion, NetworkSpec architecture, String vocabulary,
            List<String> origins, float temperature, TopLabelCalibration calibration, String datasetFingerprint,
            long trainingSeed, double trainingSeconds, ValidationMetrics validation, Refit refit, Instant createdAt) {
        this(formatVersion, architecture, vocabulary, origins, temperature, calibration, datasetFingerprint,
                trainingSeed, trainingSeconds, validation, refit, createdAt, null, null, null, null, null, null);
    }

    /**
     * Metadata with prediction sets only.
     */
    public CheckpointMetadata(int formatVersion, NetworkSpec architecture, String vocabulary,
            List<String> origins, float temperature, TopLabelCalibration calibration, String datasetFingerprint,
            long trainingSeed, double trainingSeconds, ValidationMetrics validation, Refit refit, Instant createdAt,
            PredictionSets predictionSets) {
        this(formatVersion, architecture, vocabulary, origins, temperature, calibration, datasetFingerprint,
                trainingSeed, trainingSeconds, validation, refit, createdAt, predictionSets, null, null, null, null, null);
    }

    /**
     * This metadata with a training prior and cross-source figures.
     *
     * @param prior       each origin's share of the training examples
     * @param crossSource the cross-source figures, or null
     * @return the new metadata
     */
    public CheckpointMetadata with(double[] prior, CrossSource crossSource) {
        return new CheckpointMetadata(formatVersion, architecture, vocabulary, origins, temperature, calibration,
                datasetFingerprint, trainingSeed, trainingSeconds, validation, refit, createdAt, predictionSets,
                prior, crossSource, unknownDetector, priorCalibrations, datasetPrior);
    }

    /**
     * This metadata with an unknown-name detector.
     *
     * @param detector the detector
     * @return the new metadata
     */
    public CheckpointMetadata with(UnknownDetector detector) {
        return new CheckpointMetadata(formatVersion, architecture, vocabulary, origins, temperature, calibration,
                datasetFingerprint, trainingSeed, trainingSeconds, validation, refit, createdAt, predictionSets,
                trainingPrior, crossSource, detector, priorCalibrations, datasetPrior);
    }

    /**
     * This metadata with calibration maps for named origin mixes.
     *
     * @param calibrations the maps
     * @return the new metadata
     */
    public CheckpointMetadata withPriorCalibrations(List<PriorCalibration> calibrations) {
        return new CheckpointMetadata(formatVersion, architecture, vocabulary, origins, temperature, calibration,
                datasetFingerprint, trainingSeed, trainingSeconds, validation, refit, createdAt, predictionSets,
                trainingPrior, crossSource, unknownDetector, calibrations, datasetPrior);
    }

    /**
     * This metadata with the dataset's own mix.
     *
     * @param prior each origin's share of the dataset's training names
     * @return the new metadata
     */
    public CheckpointMetadata withDatasetPrior(double[] prior) {
        return new CheckpointMetadata(formatVersion, architecture, vocabulary, origins, temperature, calibration,
                datasetFingerprint, trainingSeed, trainingSeconds, validation, refit, createdAt, predictionSets,
                trainingPrior, crossSource, unknownDetector, priorCalibrations, prior);
    }

    /**
     * The calibration map for answers under a named mix.
     *
     * @param prior the mix's name
     * @return the map, or null when this checkpoint has none for it
     */
    public TopLabelCalibration priorCalibration(String prior) {
        if (priorCalibrations == null) {
            return null;
        }
        return priorCalibrations.stream().filter(c -> c.prior().equals(prior)).map(PriorCalibration::map)
                .findFirst().orElse(null);
    }

    /**
     * Figures of the validated network on names of a source it did not train on, and on the
     * dataset's own validation names, under the training mix and under an even one.
     *
     * @param source             the held-out source's directory name
     * @param training           the held-out names under the training mix
     * @param uniform            the held-out names under an even mix
     * @param validationUniform  the dataset's validation names under an even mix
     */
    public record CrossSource(String source, ValidationMetrics training, ValidationMetrics uniform,
            ValidationMetrics validationUniform) {
    }

    /**
     * A network trained again, after validation, with the same recipe on the training and the
     * validation names; it keeps the validated network's calibration.
     *
     * @param names    distinct names it trained on
     * @param examples training examples (one per spelling and origin a name is listed under)
     */
    public record Refit(int names, int examples) {
    }

    /** The layout version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
}
