package io.github.nameorigin.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a raw name into the form the model reads: accents folded to their base letters (like the
 * tutorial's unicode-to-ASCII step, plus the letters Unicode does not decompose, such as ß or ł),
 * lower case, white space collapsed, and anything but letters, apostrophes and hyphens dropped
 * (the public dataset has stray digits and punctuation such as "Rafaj1" or "Maxa/B"). Letters
 * outside the vocabulary are dropped later by {@link Vocabulary#encode(String)}.
 */
public final class NameNormalizer {

    private static final Map<Character, String> NON_DECOMPOSING = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"),
            Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('þ', "th"),
            Map.entry('ı', "i"), Map.entry('’', "'"), Map.entry('`', "'"), Map.entry('‘', "'"));

    private NameNormalizer() {
    }

    /**
     * Normalizes a name.
     *
     * @param raw the name as given
     * @return the folded, lower-case name (possibly empty)
     */
    public static String normalize(String raw) {
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || Character.getType(c) == Character.ENCLOSING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            String mapped = NON_DECOMPOSING.get(c);
            if (mapped == null && !(Character.isLetter(c) || c == '\'' || c == '-')) {
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            if (mapped != null) {
                out.append(mapped);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
