package io.github.nameorigin.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

import io.github.nameorigin.evaluation.EvaluationReport;
import io.github.nameorigin.evaluation.TemperatureScaling;
import io.github.nameorigin.evaluation.TrainingHistory;

/**
 * A trained network ready to serve: owns the DJL {@link Model} and closes it.
 *
 * <p>Thread-safe: every call builds its arrays on its own sub-manager, closed before returning,
 * and calls the block directly (no shared {@code Predictor}); the block only reads its
 * parameters. Output is converted to Java arrays inside the call, so no NDArray escapes.
 */
public final class LoadedModel implements ServingModel {

    private final Model model;
    private final Vocabulary vocabulary;
    private final CheckpointMetadata metadata;
    private final EvaluationReport evaluation;
    private final TrainingHistory history;

    /**
     * Wraps a model.
     *
     * @param model      the DJL model with trained parameters; owned from now on
     * @param metadata   its checkpoint metadata (vocabulary, origins, temperature)
     * @param evaluation its validation report, or null
     * @param history    its training history, or null
     */
    public LoadedModel(Model model, CheckpointMetadata metadata, EvaluationReport evaluation,
            TrainingHistory history) {
        this.model = model;
        this.metadata = metadata;
        this.vocabulary = new Vocabulary(metadata.vocabulary());
        this.evaluation = evaluation;
        this.history = history;
    }

    @Override
    public List<String> origins() {
        return metadata.origins();
    }

    @Override
    public boolean isUsable(String name) {
        return vocabulary.knowsALetterOf(NameNormalizer.normalize(name));
    }

    @Override
    public float[][] predict(List<String> names) {
        List<int[]> encoded = new ArrayList<>(names.size());
        for (String name : names) {
            encoded.add(vocabulary.encode(NameNormalizer.normalize(name)));
        }
        float[] flat = logProbabilities(model.getBlock(), model.getNDManager(), encoded);
        return TemperatureScaling.softmax(rows(flat, origins().size()), metadata.temperature());
    }

    /**
     * Splits a flat row-by-row array into rows.
     *
     * @param flat    rows × width values
     * @param width   values per row
     * @return the rows
     */
    public static float[][] rows(float[] flat, int width) {
        float[][] out = new float[flat.length / width][];
        for (int r = 0; r < out.length; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return out;
    }

    /**
     * Uncalibrated log-probabilities of a batch, flattened row by row.
     *
     * @param block   the network
     * @param parent  the manager the per-call sub-manager is made from
     * @param encoded the names' character indices
     * @return batch × origins log-probabilities
     */
    public static float[] logProbabilities(Block block, NDManager parent, List<int[]> encoded) {
        // Request threads would otherwise record autograd state for every call.
        JniUtils.setGradMode(false);
        try (NDManager manager = parent.newSubManager()) {
            NDList inputs = NameBatch.of(manager, encoded);
            return block.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow()
                    .toFloatArray();
        }
    }

    @Override
    public CheckpointMetadata metadata() {
        return metadata;
    }

    @Override
    public EvaluationReport evaluation() {
        return evaluation;
    }

    @Override
    public TrainingHistory history() {
        return history;
    }

    /**
     * The underlying DJL model, for saving.
     *
     * @return the model, still owned by this object
     */
    Model djlModel() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
