package io.github.nameorigin.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A character language model of the training names: how surprising a name's letters are, one
 * after the other, to a model that has read every training name. Names of a language none of the
 * origins speaks use letter sequences the training names rarely or never have, whatever their
 * language, so this is the part of "none of these" that carries over to languages nobody
 * collected names of (a classifier's own confidence only knows the origins it was shown).
 *
 * <p>Order {@value #ORDER} (up to four letters of context) over the folded spelling
 * ({@link NameNormalizer#normalize}) framed by start and end marks, smoothed by Witten-Bell
 * interpolation down to an even distribution over {@value #ALPHABET} symbols. Counts of n-grams
 * and of the distinct letters seen after each context are hashed into {@value #BUCKETS} buckets
 * each (collisions make rare sequences look a little more familiar, the safe direction).
 */
public final class CharacterLanguageModel {

    static final int ORDER = 5;
    static final int BUCKETS = 1 << 20;
    private static final int BUCKET_BITS = Integer.numberOfTrailingZeros(BUCKETS);
    /** The size of the even distribution at the bottom: letters plus the end mark. */
    static final int ALPHABET = 40;
    private static final char START = '\u0002';
    private static final char END = '\u0003';
    private static final int MAGIC = 0x4E434C4D; // "NCLM"

    private final int[] counts;
    private final int[] continuations;

    private CharacterLanguageModel(int[] counts, int[] continuations) {
        this.counts = counts;
        this.continuations = continuations;
    }

    /**
     * Counts the n-grams of the training spellings.
     *
     * @param spellings the training names
     * @return the model
     */
    public static CharacterLanguageModel train(List<String> spellings) {
        int[] counts = new int[BUCKETS];
        int[] continuations = new int[BUCKETS];
        Set<String> seen = new HashSet<>();
        for (String spelling : spellings) {
            String framed = frame(spelling);
            if (framed == null) {
                continue;
            }
            for (int end = 1; end < framed.length(); end++) {
                // the n-grams ending at this letter, of every order; the empty context counts too
                for (int n = 1; n <= ORDER && end - n + 1 >= 0; n++) {
                    String gram = framed.substring(end - n + 1, end + 1);
                    counts[bucket(gram)]++;
                    if (seen.add(gram)) {
                        continuations[bucket(gram.substring(0, gram.length() - 1))]++;
                    }
                }
                counts[bucket("")]++;
            }
        }
        return new CharacterLanguageModel(counts, continuations);
    }

    /**
     * The mean surprisal of a name's letters and its end, in nats per symbol: low for names like
     * the training names, high for letter sequences they never had.
     *
     * @param spelling a name
     * @return nats per symbol, or {@code NaN} for a name with no letter
     */
    public double surprisal(String spelling) {
        String framed = frame(spelling);
        if (framed == null) {
            return Double.NaN;
        }
        double total = 0;
        for (int end = 1; end < framed.length(); end++) {
            double p = 1.0 / ALPHABET;
            // from the empty context up to the longest, each order interpolated with the one below;
            // the grams' String hash codes are built up a character at a time instead of cutting
            // substrings (the same values, so the same buckets, without an allocation per gram)
            int gramHash = 0;
            int contextHash = 0;
            int power = 1;
            int contextPower = 0;
            for (int n = 1; n <= ORDER && end - n + 1 >= 0; n++) {
                char c = framed.charAt(end - n + 1);
                contextHash += c * contextPower;
                gramHash += c * power;
                contextPower = power;
                power *= 31;
                int context = bucket(contextHash, n - 1);
                double contextCount = counts[context];
                double types = continuations[context];
                if (contextCount == 0 || types == 0) {
                    break;
                }
                p = (counts[bucket(gramHash, n)] + types * p) / (contextCount + types);
            }
            total -= Math.log(p);
        }
        return total / (framed.length() - 1);
    }

    /** The folded name between start and end marks, or null when it has no letter. */
    private static String frame(String spelling) {
        String folded = NameNormalizer.normalize(spelling);
        return folded.isEmpty() ? null : START + folded + END;
    }

    /** String.hashCode spread over the buckets (Fibonacci hashing); the same on every JVM. */
    private static int bucket(String gram) {
        return bucket(gram.hashCode(), gram.length());
    }

    private static int bucket(int hashCode, int length) {
        return ((hashCode + length) * 0x9E3779B1) >>> (32 - BUCKET_BITS);
    }

    /**
     * Writes the model: a magic number, the bucket count, then the n-gram counts and the
     * continuation counts, big-endian.
     *
     * @param out where to
     * @throws IOException on a write error
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(BUCKETS);
        for (int[] table : new int[][] {counts, continuations}) {
            for (int value : table) {
                out.writeInt(value);
            }
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param in where from
     * @return the model
     * @throws IOException on a read error or another layout
     */
    public static CharacterLanguageModel read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != BUCKETS) {
            throw new IOException("not a character language model of " + BUCKETS + " buckets");
        }
        int[][] tables = new int[2][BUCKETS];
        for (int[] table : tables) {
            for (int i = 0; i < BUCKETS; i++) {
                table[i] = in.readInt();
            }
        }
        return new CharacterLanguageModel(tables[0], tables[1]);
    }
}
