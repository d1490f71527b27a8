package io.github.nameorigin.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;


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
    private final NgramLogisticRegression member;
    private final CharacterLanguageModel languageModel;

    /**
     * Wraps a network alone.
     *
     * @param model      the DJL model with trained parameters; owned from now on
     * @param metadata   its checkpoint metadata (vocabulary, origins, temperature)
     * @param evaluation its validation report, or null
     * @param history    its training history, or null
     */
    public LoadedModel(Model model, CheckpointMetadata metadata, EvaluationReport evaluation,
            TrainingHistory history) {
        this(model, metadata, evaluation, history, null);
    }

    /**
     * Wraps a network and its linear member, mixed with the metadata's
     * {@code architecture.linearWeight}.
     *
     * @param model      the DJL model with trained parameters; owned from now on
     * @param metadata   its checkpoint metadata (vocabulary, origins, temperature)
     * @param evaluation its validation report, or null
     * @param history    its training history, or null
     * @param member     the linear member, or null when the weight is 0
     */
    public LoadedModel(Model model, CheckpointMetadata metadata, EvaluationReport evaluation,
            TrainingHistory history, NgramLogisticRegression member) {
        this(model, metadata, evaluation, history, member, null);
    }

    /**
     * Wraps a network, its linear member and the character language model of its training names
     * (which, with the metadata's {@code unknownDetector}, scores how unlike every origin a name is).
     *
     * @param model         the DJL model with trained parameters; owned from now on
     * @param metadata      its checkpoint metadata (vocabulary, origins, temperature)
     * @param evaluation    its validation report, or null
     * @param history       its training history, or null
     * @param member        the linear member, or null when the weight is 0
     * @param languageModel the character language model, or null
     */
    public LoadedModel(Model model, CheckpointMetadata metadata, EvaluationReport evaluation,
            TrainingHistory history, NgramLogisticRegression member, CharacterLanguageModel languageModel) {
        if ((member != null) != (metadata.architecture().linearWeight() > 0)) {
            throw new IllegalArgumentException("a linear member needs a linear weight above 0, and only then");
        }
        this.model = model;
        this.metadata = metadata;
        this.vocabulary = new Vocabulary(metadata.vocabulary());
        this.evaluation = evaluation;
        this.history = history;
        this.member = member;
        this.languageModel = languageModel;
    }

    @Override
    public String read(String name) {
        return vocabulary.decode(vocabulary.encode(NameNormalizer.spelling(name)));
    }

    @Override
    public double[] trainingPrior() {
        return metadata.trainingPrior();
    }

    @Override
    public double[] datasetPrior() {
        return metadata.datasetPrior() != null ? metadata.datasetPrior() : metadata.trainingPrior();
    }

    @Override
    public double[] unknownScores(List<String> names, float[][] probabilities) {
        UnknownDetector detector = metadata.unknownDetector();
        if (languageModel == null || detector == null) {
            return null;
        }
        double[] scores = new double[names.size()];
        for (int i = 0; i < scores.length; i++) {
            float top = 0;
            for (float p : probabilities[i]) {
                top = Math.max(top, p);
            }
            scores[i] = detector.score(languageModel.surprisal(names.get(i)), top);
        }
        return scores;
    }

    /**
     * The character language model, for saving.
     *
     * @return the model, or null
     */
    CharacterLanguageModel languageModel() {
        return languageModel;
    }

    @Override
    public List<String> origins() {
        return metadata.origins();
    }

    @Override
    public boolean isUsable(String name) {
        return vocabulary.knowsALetterOf(NameNormalizer.spelling(name));
    }

    @Override
    public TopLabelCalibration priorCalibration(String prior) {
        return metadata.priorCalibration(prior);
    }

    @Override
    public boolean hasUnseenLetter(String spelling) {
        return vocabulary.hasUnseenLetter(spelling);
    }

    @Override
    public float[][] predict(List<String> names) {
        List<int[]> encoded = new ArrayList<>(names.size());
        for (String name : names) {
            encoded.add(vocabulary.encode(NameNormalizer.spelling(name)));
        }
        int width = origins().size();
        float[][] out = new float[names.size()][];
        int callCost = callCostInSteps(metadata.architecture().hiddenSize());
        for (int[] bucket : lengthBuckets(encoded, callCost)) {
            List<int[]> part = new ArrayList<>(bucket.length);
            for (int i : bucket) {
                part.add(encoded.get(i));
            }
            float[] flat = logProbabilities(model.getBlock(), model.getNDManager(), part);
            for (int r = 0; r < bucket.length; r++) {
                float[] row = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
                if (member != null) {
                    // the member reads what the network reads: unknown characters folded or dropped
                    String read = vocabulary.decode(encoded.get(bucket[r]));
                    mix(row, member.logProbabilities(read), metadata.architecture().linearWeight());
                }
                out[bucket[r]] = calibrate(row);
            }
        }
        return out;
    }

    /**
     * Mixes the linear member into a network's log-probabilities, in place:
     * {@code (1 - weight) * network + weight * member}, a weighted geometric mean of the two
     * distributions, left unnormalised (the calibration's softmax normalises it).
     *
     * @param network the network's log-probabilities; overwritten with the mix
     * @param member  the member's log-probabilities of the same name
     * @param weight  the member's weight
     */
    public static void mix(float[] network, float[] member, float weight) {
        for (int c = 0; c < network.length; c++) {
            network[c] = (1 - weight) * network[c] + weight * member[c];
        }
    }

    /** Temperature, then the top-label map when the checkpoint has one. */
    private float[] calibrate(float[] logProbabilities) {
        float[] p = TemperatureScaling.softmax(logProbabilities, metadata.temperature());
        TopLabelCalibration map = metadata.calibration();
        return map == null ? p : map.apply(p);
    }

    /**
     * Fixed cost of one forward pass, in padded name-steps (one name, one character), for a network
     * of 128 units. It errs high, since an extra call also costs Java-side work. A step's cost
     * falls with the width and a call's does not, so {@link #callCostInSteps} scales this by
     * 128 / width. The figures behind it are in the benchmarks page.
     */
    static final int CALL_COST_IN_STEPS_AT_128 = 96;

    /**
     * The fixed cost of one forward pass in padded name-steps for a network of the given width:
     * a narrower network makes each step cheaper while a call costs the same, so more padding is
     * worth saving before another call pays.
     *
     * @param hiddenSize the recurrent layers' width
     * @return the cost in steps, at least 1
     */
    static int callCostInSteps(int hiddenSize) {
        return Math.max(1, CALL_COST_IN_STEPS_AT_128 * 128 / Math.max(1, hiddenSize));
    }

    /** Batches smaller than this run whole: they have too few names for grouping to pay. */
    static final int MIN_BUCKETED_BATCH = 64;

    /**
     * Splits a batch into groups of similar length, each run as its own forward pass. Every name
     * of a batch is padded to the longest, and the recurrent layers pay for the padding: in a
     * batch of real surnames (3 to 15 characters, mostly 5 to 8) about half the steps are
     * padding. Grouping by length trades that waste against the fixed cost of an extra call:
     * names are sorted by length and cut where the saved padding outweighs
     * the call cost (an exact minimum over the cuts between distinct lengths). Small
     * batches stay whole. The network reads each name at its own last character, so the results
     * do not depend on the grouping.
     *
     * @param encoded  the names' character indices
     * @param callCost the fixed cost of one forward pass, in padded name-steps
     * @return groups of indices into {@code encoded}, covering each index once
     */
    static List<int[]> lengthBuckets(List<int[]> encoded, int callCost) {
        int n = encoded.size();
        if (n < MIN_BUCKETED_BATCH) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return List.of(all);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> encoded.get(i).length));
        // Runs of equal length in sorted order; a group is a range of consecutive runs.
        List<Integer> runEnds = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (i == n || encoded.get(order[i]).length != encoded.get(order[i - 1]).length) {
                runEnds.add(i);
            }
        }
        int runs = runEnds.size();
        long[] best = new long[runs + 1];
        int[] cut = new int[runs + 1];
        for (int r = 1; r <= runs; r++) {
            best[r] = Long.MAX_VALUE;
            int end = runEnds.get(r - 1);
            long steps = Math.max(1, encoded.get(order[end - 1]).length);
            for (int first = 0; first < r; first++) {
                int start = first == 0 ? 0 : runEnds.get(first - 1);
                long cost = best[first] + callCost + (end - start) * steps;
                if (cost < best[r]) {
                    best[r] = cost;
                    cut[r] = first;
                }
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (int r = runs; r > 0; r = cut[r]) {
            int start = cut[r] == 0 ? 0 : runEnds.get(cut[r] - 1);
            int end = runEnds.get(r - 1);
            int[] group = new int[end - start];
            for (int i = start; i < end; i++) {
                group[i - start] = order[i];
            }
            groups.add(group);
        }
        return groups;
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
    public PredictionSets predictionSets() {
        return metadata.predictionSets();
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

    /**
     * The linear member, for saving.
     *
     * @return the member, or null when the network is served alone
     */
    NgramLogisticRegression member() {
        return member;
    }

    @Override
    public void close() {
        model.close();
    }
}
