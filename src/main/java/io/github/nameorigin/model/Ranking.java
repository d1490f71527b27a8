package io.github.nameorigin.model;

import java.util.Arrays;

/**
 * Ranks per-origin scores; shared by calibration at serving time and by evaluation.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * Indices of the largest values, largest first; ties go to the lower index.
     *
     * @param values the values
     * @param count  how many indices to return (at most {@code values.length})
     * @return the indices
     */
    public static int[] topIndices(float[] values, int count) {
        int[] top = new int[count];
        Arrays.fill(top, -1);
        for (int i = 0; i < values.length; i++) {
            for (int p = 0; p < count; p++) {
                if (top[p] == -1 || values[i] > values[top[p]]) {
                    System.arraycopy(top, p, top, p + 1, count - 1 - p);
                    top[p] = i;
                    break;
                }
            }
        }
        return top;
    }

    /**
     * Whether a name's gold labels contain a label.
     *
     * @param labels the gold labels
     * @param label  the label to look for
     * @return true when it is one of them
     */
    public static boolean contains(int[] labels, int label) {
        for (int l : labels) {
            if (l == label) {
                return true;
            }
        }
        return false;
    }
}
