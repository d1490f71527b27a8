package io.github.nameorigin.model;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Builds the model input for a batch of encoded names: right-padded character indices, the same
 * names reversed within their own lengths (for a backward direction), a mask that is 1 at each
 * name's last real character, and the name's hashed character n-grams with their pooling weights
 * (for the n-gram branch). Built directly in Java arrays: about twice as fast as DJL's per-item
 * batchifier.
 *
 * <p>N-grams: the name is framed by a boundary mark at both ends ({@code <name>}), and every
 * substring of 1 to {@value #MAX_NGRAM} characters except the lone boundary marks is hashed
 * (FNV-1a over the character indices) into {@code [1, }{@value #NGRAM_SPACE}{@code )}. Padding
 * slots hold id 0 and weight 0; real slots weigh {@code 1 / count}, so a weighted sum is the mean
 * over the name's own n-grams whatever the batch.
 */
public final class NameBatch {

    /** Index of the padded character indices, shape (batch, time), int64. */
    public static final int TOKENS = 0;
    /** Index of the reversed-within-length indices, shape (batch, time), int64. */
    public static final int REVERSED = 1;
    /** Index of the last-character mask, shape (batch, time), float32. */
    public static final int LAST_MASK = 2;
    /** Index of the hashed n-gram ids, shape (batch, slots), int64, 0 on padding. */
    public static final int NGRAMS = 3;
    /** Index of the n-gram pooling weights, shape (batch, slots), float32: 1/count or 0. */
    public static final int NGRAM_WEIGHTS = 4;

    /** Longest hashed n-gram, in characters (boundary marks included). */
    public static final int MAX_NGRAM = 4;
    /** Size of the hashed n-gram id space; a model's bucket count must divide it. */
    public static final int NGRAM_SPACE = 1 << 20;

    private static final int BOUNDARY = 0;

    private NameBatch() {
    }

    /**
     * The input arrays for a batch, created on the given manager (the caller closes it).
     *
     * @param manager where the arrays live
     * @param encoded each name's character indices, none empty
     * @return tokens, reversed tokens, last-character mask, n-gram ids and n-gram weights
     */
    public static NDList of(NDManager manager, List<int[]> encoded) {
        int batch = encoded.size();
        int steps = 1;
        for (int[] name : encoded) {
            steps = Math.max(steps, name.length);
        }
        int slots = ngramCount(steps);
        long[] tokens = new long[batch * steps];
        long[] reversed = new long[batch * steps];
        float[] last = new float[batch * steps];
        long[] ngrams = new long[batch * slots];
        float[] weights = new float[batch * slots];
        for (int b = 0; b < batch; b++) {
            int[] name = encoded.get(b);
            if (name.length == 0) {
                throw new IllegalArgumentException("Name " + b + " of the batch has no known character");
            }
            int row = b * steps;
            for (int t = 0; t < name.length; t++) {
                tokens[row + t] = name[t];
                reversed[row + t] = name[name.length - 1 - t];
            }
            last[row + name.length - 1] = 1f;
            int count = hashNgrams(name, ngrams, b * slots);
            float w = 1f / count;
            java.util.Arrays.fill(weights, b * slots, b * slots + count, w);
        }
        Shape shape = new Shape(batch, steps);
        Shape ngramShape = new Shape(batch, slots);
        return new NDList(manager.create(tokens, shape), manager.create(reversed, shape), manager.create(last, shape),
                manager.create(ngrams, ngramShape), manager.create(weights, ngramShape));
    }

    /** Number of n-grams of a name of {@code length} characters, boundary marks added. */
    static int ngramCount(int length) {
        int framed = length + 2;
        int count = -2; // the lone boundary marks
        for (int n = 1; n <= MAX_NGRAM; n++) {
            count += Math.max(0, framed - n + 1);
        }
        return count;
    }

    private static int hashNgrams(int[] name, long[] out, int at) {
        int framed = name.length + 2;
        int written = 0;
        for (int start = 0; start < framed; start++) {
            int hash = 0x811c9dc5;
            for (int n = 1; n <= MAX_NGRAM && start + n <= framed; n++) {
                int pos = start + n - 1;
                int symbol = pos == 0 || pos == framed - 1 ? BOUNDARY : name[pos - 1];
                hash = (hash ^ (symbol + 1)) * 0x01000193;
                if (n == 1 && symbol == BOUNDARY) {
                    continue;
                }
                // Mix the length in, then keep 20 bits; 0 is reserved for padding.
                int mixed = (hash ^ (n * 0x9e3779b9)) * 0x85ebca6b;
                mixed ^= mixed >>> 13;
                int id = (mixed & (NGRAM_SPACE - 1));
                out[at + written++] = id == 0 ? 1 : id;
            }
        }
        return written;
    }

    /**
     * Input shapes for initializing a block.
     *
     * @return shapes of a batch of one name of one character
     */
    public static Shape[] initShapes() {
        Shape shape = new Shape(1, 1);
        Shape ngrams = new Shape(1, ngramCount(1));
        return new Shape[] {shape, shape, shape, ngrams, ngrams};
    }
}
