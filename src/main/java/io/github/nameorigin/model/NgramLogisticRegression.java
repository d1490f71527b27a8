package io.github.nameorigin.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * The linear member of the ensemble: multinomial logistic regression over a name's character
 * 1-4-grams, TF-IDF weighted (sublinear term frequency, smoothed inverse document frequency, rows
 * of unit length), hashed into {@value #BUCKETS} buckets. It is the classic strong baseline for
 * this task (char n-gram TF-IDF + logistic regression) and errs on other names than the
 * recurrent network, so their log-probabilities mixed score better than either alone.
 *
 * <p>Plain Java, no tensors: a name costs a few hundred multiply-adds. Trained by Adagrad over
 * seeded shuffles, with {@link StrictMath} and a fixed summation order, so a seed gives the same
 * weights every time, on any JVM. The weights are rounded to
 * bfloat16 when training ends, which is how they are stored, so the member scored on validation
 * is the one served.
 */
public final class NgramLogisticRegression {

    /** Hashed n-gram buckets; measured: 2^17 scores like 2^20, 2^16 a little lower. */
    static final int BUCKETS = 1 << 17;
    private static final int BUCKET_BITS = Integer.numberOfTrailingZeros(BUCKETS);
    private static final int MAX_NGRAM = 4;
    private static final int EPOCHS = 15;
    private static final float LEARNING_RATE = 0.2f;
    private static final int MAGIC = 0x4E474C52; // "NGLR"
    private static final int FORMAT = 1;
    /** Frames the name so that first and last letters make their own n-grams. */
    private static final char START = '\u0002';
    private static final char END = '\u0003';

    private final int classes;
    private final float[] idf;
    private final float[] weights;
    private final float[] bias;

    private NgramLogisticRegression(int classes, float[] idf, float[] weights, float[] bias) {
        this.classes = classes;
        this.idf = idf;
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
        float[] documentFrequency = new float[BUCKETS];
        for (String spelling : spellings) {
            int[] buckets = buckets(spelling);
            for (int i = 0; i < buckets.length; i++) {
                if (i == 0 || buckets[i] != buckets[i - 1]) {
                    documentFrequency[buckets[i]]++;
                }
            }
        }
        float[] idf = new float[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            idf[i] = bf16((float) (StrictMath.log((1.0 + spellings.size()) / (1.0 + documentFrequency[i])) + 1));
        }
        NgramLogisticRegression model = new NgramLogisticRegression(classes, idf, new float[BUCKETS * classes],
                new float[classes]);
        model.fit(spellings.stream().map(model::features).toList(), labels, new Random(seed));
        return model;
    }

    private void fit(List<Features> rows, int[] labels, Random random) {
        float[] squaredWeights = new float[weights.length];
        float[] squaredBias = new float[classes];
        int[] order = new int[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[] p = new float[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int row : order) {
                Features x = rows.get(row);
                probabilities(x, p);
                p[labels[row]] -= 1; // the gradient of the cross-entropy wrt the logits
                for (int c = 0; c < classes; c++) {
                    float g = p[c];
                    squaredBias[c] += g * g;
                    bias[c] -= LEARNING_RATE * g / (float) Math.sqrt(squaredBias[c] + 1e-8f);
                    for (int f = 0; f < x.ids.length; f++) {
                        int at = x.ids[f] * classes + c;
                        float gw = g * x.values[f];
                        squaredWeights[at] += gw * gw;
                        weights[at] -= LEARNING_RATE * gw / (float) Math.sqrt(squaredWeights[at] + 1e-8f);
                    }
                }
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = bf16(weights[i]);
        }
    }

    /**
     * Log-probabilities of one name.
     *
     * @param spelling its normalised spelling, as the network reads it ({@link Vocabulary#decode})
     * @return one log-probability per origin
     */
    public float[] logProbabilities(String spelling) {
        float[] z = new float[classes];
        logits(features(spelling), z);
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

    /** Number of origins. */
    int classes() {
        return classes;
    }

    private void logits(Features x, float[] out) {
        System.arraycopy(bias, 0, out, 0, classes);
        for (int f = 0; f < x.ids.length; f++) {
            int base = x.ids[f] * classes;
            for (int c = 0; c < classes; c++) {
                out[c] += weights[base + c] * x.values[f];
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
    private void probabilities(Features x, float[] out) {
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

    /** A name's TF-IDF row: bucket ids and values, of unit length. */
    private record Features(int[] ids, float[] values) {
    }

    private Features features(String spelling) {
        int[] buckets = buckets(spelling);
        int distinct = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (i == 0 || buckets[i] != buckets[i - 1]) {
                distinct++;
            }
        }
        int[] ids = new int[distinct];
        float[] values = new float[distinct];
        double norm = 0;
        int at = -1;
        for (int i = 0; i < buckets.length; i++) {
            if (i == 0 || buckets[i] != buckets[i - 1]) {
                ids[++at] = buckets[i];
            }
            values[at]++; // the count, for now
        }
        for (int j = 0; j < distinct; j++) {
            // sublinear term frequency, 1 + log(count); most n-grams occur once (log 1 = 0)
            values[j] = values[j] == 1 ? idf[ids[j]] : (float) ((1 + StrictMath.log(values[j])) * idf[ids[j]]);
            norm += values[j] * values[j];
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int j = 0; j < distinct; j++) {
            values[j] *= scale;
        }
        return new Features(ids, values);
    }

    /**
     * The buckets of the framed name's 1-4-grams (the lone frame marks left out), sorted, one
     * entry per occurrence.
     */
    private static int[] buckets(String spelling) {
        String framed = START + spelling + END;
        int length = framed.length();
        int[] out = new int[4 * length];
        int n = 0;
        for (int start = 0; start < length; start++) {
            // String.hashCode of framed.substring(start, start + size), grown one character at a
            // time; fixed by the Java spec, so buckets are the same on every JVM.
            int hash = 0;
            for (int size = 1; size <= MAX_NGRAM && start + size <= length; size++) {
                hash = 31 * hash + framed.charAt(start + size - 1);
                if (size == 1 && (start == 0 || start == length - 1)) {
                    continue;
                }
                out[n++] = (hash * 0x9E3779B1) >>> (32 - BUCKET_BITS);
            }
        }
        int[] buckets = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.sort(buckets);
        return buckets;
    }

    /** Rounds to the nearest bfloat16 (the top 16 bits of a float), ties to even. */
    static float bf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        bits += 0x7FFF + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(bits & 0xFFFF0000);
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
        out.writeInt(BUCKETS);
        out.writeInt(classes);
        for (float v : idf) {
            out.writeShort(Float.floatToRawIntBits(v) >>> 16);
        }
        for (float v : weights) {
            out.writeShort(Float.floatToRawIntBits(v) >>> 16);
        }
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
        if (buckets != BUCKETS || stored != classes) {
            throw new IOException("the member has " + buckets + " buckets and " + stored + " origins, expected "
                    + BUCKETS + " and " + classes);
        }
        float[] idf = new float[BUCKETS];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Float.intBitsToFloat(in.readUnsignedShort() << 16);
        }
        float[] weights = new float[BUCKETS * classes];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Float.intBitsToFloat(in.readUnsignedShort() << 16);
        }
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = in.readFloat();
        }
        if (in.read() != -1) {
            throw new IOException("the member has trailing bytes");
        }
        return new NgramLogisticRegression(classes, idf, weights, bias);
    }
}
