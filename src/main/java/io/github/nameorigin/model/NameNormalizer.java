package io.github.nameorigin.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The two forms of a raw name. {@link #spelling(String)} is what the model reads: lower case,
 * accents kept, white space collapsed, and anything but letters, apostrophes and hyphens dropped
 * (the public dataset has stray digits and punctuation such as "Rafaj1" or "Maxa/B").
 * {@link #normalize(String)} also folds accents to their base letters (like the tutorial's
 * unicode-to-ASCII step, plus the letters Unicode does not decompose, such as ß or ł): names are
 * compared in that form, and {@link Vocabulary#encode(String)} reads a letter it does not know as
 * its folded form. Letters still unknown are dropped there.
 */
public final class NameNormalizer {

    private static final Map<Character, String> NON_DECOMPOSING = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"),
            Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('þ', "th"),
            Map.entry('ı', "i"));

    /**
     * Characters that look like an apostrophe: quotation marks, primes, modifier letters (which
     * Unicode counts as letters, so they would otherwise reach the model as unknown letters) and
     * accents written on their own. Folded before NFKC because NFKC turns a lone accent such as
     * U+00B4 into a space and a combining mark.
     */
    static final String APOSTROPHE_LOOKALIKES = "\u2018\u2019\u201B\u2032\u0060\u00B4\u02B9\u02BB\u02BC\u02BD"
            + "\u02BE\u02BF\u02C8\u02CA\u02CB\uA78B\uA78C\uFF07\uFF40";

    /** Characters that look like a hyphen: dashes, the minus sign and their small and full-width forms. */
    static final String HYPHEN_LOOKALIKES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2E3A\u2E3B"
            + "\uFE58\uFE63\uFF0D\u02D7\u058A\u1806";

    private NameNormalizer() {
    }

    /**
     * The name as written, in lower case, with its accents kept: apostrophe and hyphen look-alikes
     * folded to {@code '} and {@code -}, compatibility forms composed (NFKC: mathematical, fraktur
     * and full-width letters read as their letters), white space collapsed, and anything but
     * letters, apostrophes and hyphens dropped.
     * {@link Vocabulary#encode(String)} folds a letter the vocabulary does not know the way
     * {@link #normalize(String)} does.
     *
     * @param raw the name as given
     * @return the lower-case name with its accents (possibly empty)
     */
    public static String spelling(String raw) {
        return clean(compatible(raw, Normalizer.Form.NFKC), Map.of());
    }

    /**
     * Normalizes a name: its spelling with the accents folded to their base letters.
     *
     * @param raw the name as given
     * @return the folded, lower-case name (possibly empty)
     */
    public static String normalize(String raw) {
        return clean(compatible(raw, Normalizer.Form.NFKD), NON_DECOMPOSING);
    }

    /**
     * Look-alike apostrophes and hyphens folded, then the Unicode normal form, then lower case: in
     * this order so that compatibility letters (mathematical bold, fraktur, full width) become
     * plain capitals before they are lowered.
     */
    private static String compatible(String raw, Normalizer.Form form) {
        return Normalizer.normalize(foldLookalikes(raw.strip()), form).toLowerCase(Locale.ROOT);
    }

    /** Replaces apostrophe and hyphen look-alikes by {@code '} and {@code -}. */
    static String foldLookalikes(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = APOSTROPHE_LOOKALIKES.indexOf(c) >= 0 ? '\''
                    : HYPHEN_LOOKALIKES.indexOf(c) >= 0 ? '-' : c;
            if (folded != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /**
     * Drops combining marks and everything but letters, apostrophes and hyphens, collapses white
     * space, and replaces the characters {@code mapping} lists.
     */
    private static String clean(String text, Map<Character, String> mapping) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            String mapped = mapping.get(c);
            if (mapped == null && !(Character.isLetter(c) || c == '\'' || c == '-')) {
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.append(mapped != null ? mapped : String.valueOf(c));
        }
        return out.toString();
    }
}
