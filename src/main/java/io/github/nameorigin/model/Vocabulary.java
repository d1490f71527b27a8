package io.github.nameorigin.model;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The characters a model knows. Index 0 is padding; character {@code i} of {@link #chars()} has
 * index {@code i + 1}. Built from the training names' spellings (accents kept, see
 * {@link NameNormalizer#spelling}) and stored in the checkpoint; checkpoints made before accents
 * were kept hold only folded letters, and {@link #encode} folds what they do not know.
 */
public final class Vocabulary {

    private final String chars;
    private final int[] index = new int[Character.MAX_VALUE + 1];

    /**
     * Creates a vocabulary from its characters in index order.
     *
     * @param chars distinct characters
     */
    public Vocabulary(String chars) {
        this.chars = chars;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (index[c] != 0) {
                throw new IllegalArgumentException("Repeated character in vocabulary: U+%04X".formatted((int) c));
            }
            index[c] = i + 1;
        }
    }

    /**
     * Builds a vocabulary of every character in the given normalized names, sorted.
     *
     * @param normalizedNames names already passed through {@link NameNormalizer}
     * @return the vocabulary
     */
    public static Vocabulary of(Collection<String> normalizedNames) {
        TreeSet<Character> seen = new TreeSet<>();
        for (String name : normalizedNames) {
            for (int i = 0; i < name.length(); i++) {
                seen.add(name.charAt(i));
            }
        }
        StringBuilder sb = new StringBuilder(seen.size());
        seen.forEach(sb::append);
        return new Vocabulary(sb.toString());
    }

    /**
     * The characters, in index order.
     *
     * @return the characters
     */
    public String chars() {
        return chars;
    }

    /**
     * Model input size: the characters plus the padding index.
     *
     * @return number of indices
     */
    public int size() {
        return chars.length() + 1;
    }

    /**
     * Whether a normalized name has at least one letter this vocabulary knows (apostrophes and
     * hyphens alone are not a name).
     *
     * @param normalized a name passed through {@link NameNormalizer#spelling} (or
     *                   {@link NameNormalizer#normalize})
     * @return true when the name can be classified
     */
    public boolean knowsALetterOf(String normalized) {
        int[] known = encode(normalized);
        for (int id : known) {
            if (Character.isLetter(chars.charAt(id - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a normalized name has a letter this vocabulary does not know, not even as its folded
     * form's letters: a letter no training name was written with.
     *
     * @param normalized a name passed through {@link NameNormalizer#spelling}
     * @return true when one of its letters is new to the vocabulary
     */
    public boolean hasUnseenLetter(String normalized) {
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (index[c] == 0 && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text that indices stand for: what a network reads of a name, unknown characters folded
     * or dropped.
     *
     * @param indices indices from {@link #encode}
     * @return the characters
     */
    public String decode(int[] indices) {
        StringBuilder sb = new StringBuilder(indices.length);
        for (int id : indices) {
            sb.append(chars.charAt(id - 1));
        }
        return sb.toString();
    }

    /**
     * Indices of the known characters of a normalized name. A character outside ASCII that the
     * vocabulary does not know is read as its folded form ({@link NameNormalizer#normalize}), so a
     * vocabulary without accents reads {@code müller} as {@code muller}; characters still unknown
     * are dropped, and so is a space they leave at either end or next to another.
     *
     * @param normalized a name passed through {@link NameNormalizer#spelling} (or
     *                   {@link NameNormalizer#normalize})
     * @return the indices, empty when no character is known
     */
    public int[] encode(String normalized) {
        int[] out = new int[normalized.length()];
        int n = 0;
        int space = index[' '];
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            int id = index[c];
            if (id != 0) {
                // a space left at either end or doubled by a dropped character (Smith ж) is not read:
                // the name then reads exactly as it would without the unknown character
                if (id != space || n > 0 && out[n - 1] != space) {
                    out[n++] = id;
                }
            } else if (c > 0x7f) {
                // a letter this vocabulary does not know is read as its folded form, which may be
                // longer than one character (ß -> ss)
                String folded = NameNormalizer.normalize(String.valueOf(c));
                int room = n + folded.length() + normalized.length() - i - 1;
                if (room > out.length) {
                    out = java.util.Arrays.copyOf(out, room);
                }
                for (int j = 0; j < folded.length(); j++) {
                    int f = index[folded.charAt(j)];
                    if (f != 0) {
                        out[n++] = f;
                    }
                }
            }
        }
        if (space != 0 && n > 0 && out[n - 1] == space) {
            n--;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
