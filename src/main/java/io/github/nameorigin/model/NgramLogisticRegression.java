package io.github.nameorigin.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * The linear member of the ensemble: multinomial logistic regression over a name's hashed
 * character 1-4-grams, prefixes, suffixes and length, TF-IDF weighted ({@link NgramFeatures}).
 * It is the classic strong baseline for this task (char n-gram TF-IDF + logistic regression)
 * and errs on other names than the recurrent network, so their log-probabilities mixed score
 * better than either alone.
 *
 * <p>Plain Java, no tensors: a name of seven letters has about 40 features, so scoring it costs
 * about 700 multiply-adds, a few microseconds. Trained by Adagrad over
 * seeded shuffles, with {@link StrictMath} and a fixed summation order, so a seed gives the same
 * weights every time, on any JVM. The weights are rounded to bfloat16 when training ends, which is
 * how they are stored, so the member scored on validation is the one served.
 */
public final class NgramLogisticRegression {

    private static final int EPOCHS = 15;
    private static final float LEARNING_RATE = 0.2f;
    /**
     * Each example's loss is weighted by its origin's count to this power (normalised to a mean
     * of 1), so that small origins, which the network tends to under-predict, weigh more.
     */
    private static final double CLASS_WEIGHT_POWER = -0.5;
    private static final int MAGIC = 0x4E474C52; // "NGLR"
    private static final int FORMAT = 2;

    private final int classes;
    private final NgramFeatures features;
    private final float[] weights;
    private final float[] bias;

    private NgramLogisticRegression(int classes, NgramFeatures features, float[] weights, float[] bias) {
        this.classes = classes;
        this.features = features;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Trains on spellings with one origin each (a name listed under two origins comes twice).
     *
     * @param spellings normalised spellings ({@link NameNormalizer#spelling})
     * @param labels    each spelling's origin index
     * @param classes   number of origins
     * @param seed      seed of the shuffles
     * @return the trained member
     */
    public static NgramLogisticRegression train(List<String> spellings, int[] labels, int classes, long seed) {
        if (labels.length != spellings.size()) {
            throw new IllegalArgumentException(spellings.size() + " spellings but " + labels.length + " labels");
        }
        NgramFeatures features = NgramFeatures.fit(spellings);
        NgramLogisticRegression model = new NgramLogisticRegression(classes, features,
                new float[NgramFeatures.BUCKETS * classes], new float[classes]);
        model.fit(spellings.stream().map(features::row).toList(), labels, new Random(seed));
        return model;
    }

    private void fit(List<NgramFeatures.Row> rows, int[] labels, Random random) {
        float[] squaredWeights = new float[weights.length];
        float[] squaredBias = new float[classes];
        int[] order = new int[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[] classWeights = classWeights(labels);
        float[] p = new float[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int row : order) {
                NgramFeatures.Row x = rows.get(row);
                probabilities(x, p);
                p[labels[row]] -= 1; // the gradient of the cross-entropy wrt the logits
                float weight = classWeights[labels[row]];
                for (int c = 0; c < classes; c++) {
                    float g = p[c] * weight;
                    squaredBias[c] += g * g;
                    bias[c] -= LEARNING_RATE * g / (float) Math.sqrt(squaredBias[c] + 1e-8f);
                    for (int f = 0; f < x.ids().length; f++) {
                        int at = x.ids()[f] * classes + c;
                        float gw = g * x.values()[f];
                        squaredWeights[at] += gw * gw;
                        weights[at] -= LEARNING_RATE * gw / (float) Math.sqrt(squaredWeights[at] + 1e-8f);
                    }
                }
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = NgramFeatures.bf16(weights[i]);
        }
    }

    /** {@code count(origin)^power}, scaled so that the examples' weights average 1. */
    private float[] classWeights(int[] labels) {
        double[] counts = new double[classes];
        for (int label : labels) {
            counts[label]++;
        }
        double mean = 0;
        for (int label : labels) {
            mean += StrictMath.pow(counts[label], CLASS_WEIGHT_POWER);
        }
        mean /= labels.length;
        float[] weights = new float[classes];
        for (int c = 0; c < classes; c++) {
            weights[c] = (float) (StrictMath.pow(Math.max(1, counts[c]), CLASS_WEIGHT_POWER) / mean);
        }
        return weights;
    }

    /**
     * Log-probabilities of one name.
     *
     * @param spelling its normalised spelling, as the network reads it ({@link Vocabulary#decode})
     * @return one log-probability per origin
     */
    public float[] logProbabilities(String spelling) {
        float[] z = new float[classes];
        logits(features.row(spelling), z);
        float max = max(z);
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += StrictMath.exp(z[c] - max);
        }
        float logSum = max + (float) StrictMath.log(sum);
        for (int c = 0; c < classes; c++) {
            z[c] -= logSum;
        }
        return z;
    }

    private void logits(NgramFeatures.Row x, float[] out) {
        System.arraycopy(bias, 0, out, 0, classes);
        for (int f = 0; f < x.ids().length; f++) {
            int base = x.ids()[f] * classes;
            float value = x.values()[f];
            for (int c = 0; c < classes; c++) {
                out[c] += weights[base + c] * value;
            }
        }
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Softmax of the logits, for training. */
    private void probabilities(NgramFeatures.Row x, float[] out) {
        logits(x, out);
        float max = max(out);
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = (float) StrictMath.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= (float) sum;
        }
    }

    /**
     * Writes the member: a header, the IDF and the weights as bfloat16, the biases as floats.
     *
     * @param out where to write
     * @throws IOException when writing fails
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(NgramFeatures.BUCKETS);
        out.writeInt(classes);
        features.write(out);
        NgramFeatures.writeBf16(out, weights);
        for (float v : bias) {
            out.writeFloat(v);
        }
    }

    /**
     * Reads a member written by {@link #write}.
     *
     * @param in      where to read
     * @param classes the number of origins the checkpoint expects
     * @return the member
     * @throws IOException when the data is not such a member, of another size, or cut short
     */
    public static NgramLogisticRegression read(DataInputStream in, int classes) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not an n-gram logistic regression of format " + FORMAT);
        }
        int buckets = in.readInt();
        int stored = in.readInt();
        if (buckets != NgramFeatures.BUCKETS || stored != classes) {
            throw new IOException("the member has " + buckets + " buckets and " + stored + " origins, expected "
                    + NgramFeatures.BUCKETS + " and " + classes);
        }
        NgramFeatures features = NgramFeatures.read(in);
        float[] weights = NgramFeatures.readBf16(in, NgramFeatures.BUCKETS * classes);
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = in.readFloat();
        }
        if (in.read() != -1) {
            throw new IOException("the member has trailing bytes");
        }
        return new NgramLogisticRegression(classes, features, weights, bias);
    }
}
