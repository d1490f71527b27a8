package io.github.nameorigin.model;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Builds the model input for a batch of encoded names: right-padded character indices, the same
 * names reversed within their own lengths (for a backward direction), and a mask that is 1 at
 * each name's last real character. Built directly in Java arrays: about twice as fast as DJL's
 * per-item batchifier.
 */
public final class NameBatch {

    /** Index of the padded character indices, shape (batch, time), int64. */
    public static final int TOKENS = 0;
    /** Index of the reversed-within-length indices, shape (batch, time), int64. */
    public static final int REVERSED = 1;
    /** Index of the last-character mask, shape (batch, time), float32. */
    public static final int LAST_MASK = 2;

    private NameBatch() {
    }

    /**
     * The input arrays for a batch, created on the given manager (the caller closes it).
     *
     * @param manager where the arrays live
     * @param encoded each name's character indices, none empty
     * @return tokens, reversed tokens and last-character mask
     */
    public static NDList of(NDManager manager, List<int[]> encoded) {
        int batch = encoded.size();
        int steps = 1;
        for (int[] name : encoded) {
            steps = Math.max(steps, name.length);
        }
        long[] tokens = new long[batch * steps];
        long[] reversed = new long[batch * steps];
        float[] last = new float[batch * steps];
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
        }
        Shape shape = new Shape(batch, steps);
        return new NDList(manager.create(tokens, shape), manager.create(reversed, shape), manager.create(last, shape));
    }

    /**
     * Input shapes for initializing a block.
     *
     * @return shapes of a batch of one name of one character
     */
    public static Shape[] initShapes() {
        Shape shape = new Shape(1, 1);
        return new Shape[] {shape, shape, shape};
    }
}
