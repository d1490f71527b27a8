package io.github.nameorigin.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The linear member's features: a name's character 1-4-grams, framed by start and end marks, its
 * whole prefixes and suffixes of 1 to {@value #MAX_AFFIX} letters as features of their own (an
 * ending such as {@code -ov} or {@code -ez} counts as an ending, not only as an n-gram), and its
 * length (capped at {@value #MAX_LENGTH}), hashed into {@value #BUCKETS} buckets and weighted by
 * TF-IDF (term frequency {@code 1 + log count}, times the smoothed inverse document frequency
 * {@code log((1 + n) / (1 + df)) + 1}, the row scaled to unit length). The IDF is fitted on the
 * training spellings and rounded to bfloat16, the form it is stored in.
 */
final class NgramFeatures {

    /** Hashed n-gram buckets: enough that collisions no longer cost accuracy, small enough to load fast. */
    static final int BUCKETS = 1 << 17;
    private static final int BUCKET_BITS = Integer.numberOfTrailingZeros(BUCKETS);
    private static final int MAX_NGRAM = 4;
    private static final int MAX_AFFIX = 5;
    private static final int MAX_LENGTH = 12;
    /** Frames the name so that first and last letters make their own n-grams. */
    private static final char START = '\u0002';
    private static final char END = '\u0003';

    /** The bucket of {@code "len" + length}, per length up to {@value #MAX_LENGTH}. */
    private static final int[] LENGTH_BUCKETS = new int[MAX_LENGTH + 1];

    static {
        for (int length = 0; length <= MAX_LENGTH; length++) {
            LENGTH_BUCKETS[length] = bucket(("len" + length).hashCode());
        }
    }

    private final float[] idf;

    private NgramFeatures(float[] idf) {
        this.idf = idf;
    }

    /** A name's TF-IDF row: distinct bucket ids in ascending order, and their values. */
    record Row(int[] ids, float[] values) {
    }

    /**
     * Fits the inverse document frequencies on training spellings.
     *
     * @param spellings the training spellings
     * @return the features
     */
    static NgramFeatures fit(List<String> spellings) {
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
        return new NgramFeatures(idf);
    }

    /**
     * A spelling's TF-IDF row.
     *
     * @param spelling a normalised spelling
     * @return its row, of unit length
     */
    Row row(String spelling) {
        int[] buckets = buckets(spelling);
        int[] ids = new int[buckets.length];
        float[] values = new float[buckets.length];
        int at = -1;
        for (int i = 0; i < buckets.length; i++) {
            if (i == 0 || buckets[i] != buckets[i - 1]) {
                ids[++at] = buckets[i];
            }
            values[at]++; // the count, for now
        }
        int distinct = at + 1;
        ids = Arrays.copyOf(ids, distinct);
        values = Arrays.copyOf(values, distinct);
        double norm = 0;
        for (int j = 0; j < distinct; j++) {
            // sublinear term frequency, 1 + log(count); most n-grams occur once (log 1 = 0)
            values[j] = values[j] == 1 ? idf[ids[j]] : (float) ((1 + StrictMath.log(values[j])) * idf[ids[j]]);
            norm += values[j] * values[j];
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int j = 0; j < distinct; j++) {
            values[j] *= scale;
        }
        return new Row(ids, values);
    }

    /**
     * The buckets of the framed name's 1-4-grams (the lone frame marks left out), of its
     * prefixes and suffixes and of its length, sorted, one entry per occurrence.
     */
    private static int[] buckets(String spelling) {
        String framed = START + spelling + END;
        int length = framed.length();
        int[] out = new int[MAX_NGRAM * length + 2 * MAX_AFFIX + 1];
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
                out[n++] = bucket(hash);
            }
        }
        // Whole prefixes and suffixes carry what n-grams split apart (endings such as -ov, -ski).
        // The String.hashCode of suffix + "#S" and prefix + "#P", computed without building the
        // strings (this runs for every name served).
        int last = spelling.length() - 1;
        int prefix = 0;
        int suffix = 0;
        int power = 1;
        for (int k = 1; k <= MAX_AFFIX && k <= spelling.length(); k++) {
            prefix = 31 * prefix + spelling.charAt(k - 1);
            suffix += spelling.charAt(last - k + 1) * power;
            power *= 31;
            out[n++] = bucket((31 * suffix + '#') * 31 + 'S');
            out[n++] = bucket((31 * prefix + '#') * 31 + 'P');
        }
        out[n++] = LENGTH_BUCKETS[Math.min(spelling.length(), MAX_LENGTH)];
        int[] buckets = Arrays.copyOf(out, n);
        Arrays.sort(buckets);
        return buckets;
    }

    /** Spreads a hash over the buckets (Fibonacci hashing: the top bits of the product). */
    private static int bucket(int hash) {
        return (hash * 0x9E3779B1) >>> (32 - BUCKET_BITS);
    }

    /** Writes the IDF as bfloat16, one per bucket. */
    void write(DataOutputStream out) throws IOException {
        writeBf16(out, idf);
    }

    /** Reads what {@link #write} wrote. */
    static NgramFeatures read(DataInputStream in) throws IOException {
        return new NgramFeatures(readBf16(in, BUCKETS));
    }

    /** Rounds to the nearest bfloat16 (the top 16 bits of a float), ties to even. */
    static float bf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        bits += 0x7FFF + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(bits & 0xFFFF0000);
    }

    /** Writes values already rounded to bfloat16 as their top 16 bits. */
    static void writeBf16(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeShort(Float.floatToRawIntBits(v) >>> 16);
        }
    }

    /** Reads {@code count} bfloat16 values. */
    static float[] readBf16(DataInputStream in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = Float.intBitsToFloat(in.readUnsignedShort() << 16);
        }
        return values;
    }
}
