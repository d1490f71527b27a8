package io.github.nameorigin.evaluation;

import java.util.Locale;

/**
 * Small helpers for writing SVG by hand: XML escaping and locale-independent numbers (a German
 * default locale would otherwise write {@code 1,5} into coordinates).
 */
final class SvgText {

    private SvgText() {
    }

    /**
     * Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
     *
     * @param text the text
     * @return the escaped text
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * Formats a coordinate with at most two decimals and a dot.
     *
     * @param value the number
     * @return the text
     */
    static String num(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /**
     * Formats a tick label compactly: {@code 2}, {@code 0.5}, {@code 1.25}, {@code 10k}.
     *
     * @param value the number
     * @return the text
     */
    static String tick(double value) {
        if (Math.abs(value) >= 10_000 && value % 1000 == 0) {
            return num(value / 1000) + "k";
        }
        String s = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    /**
     * The SVG document header.
     *
     * @param width  width in pixels
     * @param height height in pixels
     * @param title  accessible title
     * @return the opening tags
     */
    static String open(int width, int height, String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"sans-serif\" font-size=\"12\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    }
}
