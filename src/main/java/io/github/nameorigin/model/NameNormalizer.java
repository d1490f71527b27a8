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
            Map.entry('ı', "i"), Map.entry('’', "'"), Map.entry('`', "'"), Map.entry('‘', "'"));

    private static final Map<Character, String> APOSTROPHES = Map.of('’', "'", '`', "'", '‘', "'");

    private NameNormalizer() {
    }

    /**
     * The name as written, in lower case, with its accents kept: compatibility forms composed
     * (NFKC), white space collapsed, and anything but letters, apostrophes and hyphens dropped.
     * {@link Vocabulary#encode(String)} folds a letter the vocabulary does not know the way
     * {@link #normalize(String)} does.
     *
     * @param raw the name as given
     * @return the lower-case name with its accents (possibly empty)
     */
    public static String spelling(String raw) {
        return clean(Normalizer.normalize(raw.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFKC), APOSTROPHES);
    }

    /**
     * Normalizes a name: its spelling with the accents folded to their base letters.
     *
     * @param raw the name as given
     * @return the folded, lower-case name (possibly empty)
     */
    public static String normalize(String raw) {
        return clean(Normalizer.normalize(raw.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFKD),
                NON_DECOMPOSING);
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
