package io.github.nameorigin.evaluation;

import static io.github.nameorigin.evaluation.SvgText.escape;
import static io.github.nameorigin.evaluation.SvgText.num;

import java.util.List;
import java.util.Locale;

import io.github.nameorigin.model.EvaluationReport;

/**
 * Draws the row-normalised confusion matrix of an {@link EvaluationReport} as an SVG heat map,
 * like the plot in the PyTorch char-RNN classification tutorial: true origins down the side,
 * predicted origins across the top, a colour bar from 0 to 1, counts in each cell's tooltip.
 */
public final class ConfusionMatrixSvg {

    private static final int CELL = 26;
    private static final int CHAR_WIDTH = 7;
    private static final double[][] VIRIDIS = {
        {0.00, 0x44, 0x01, 0x54}, {0.25, 0x3b, 0x52, 0x8b}, {0.50, 0x21, 0x91, 0x8c},
        {0.75, 0x5e, 0xc9, 0x62}, {1.00, 0xfd, 0xe7, 0x25}};

    private ConfusionMatrixSvg() {
    }

    /**
     * Renders the confusion matrix.
     *
     * @param report the evaluation report
     * @return a standalone SVG document
     */
    public static String render(EvaluationReport report) {
        List<String> origins = report.origins();
        int k = origins.size();
        int longest = origins.stream().mapToInt(String::length).max().orElse(0);
        int labels = Math.min(220, longest * CHAR_WIDTH + 10);
        int x0 = 40 + labels;
        int y0 = 50 + labels;
        int width = x0 + k * CELL + 90;
        int height = y0 + k * CELL + 45;
        StringBuilder svg = new StringBuilder(SvgText.open(width, height, "Confusion matrix"));
        svg.append(gradient());
        svg.append(text(width / 2.0, 22, "middle", "font-size=\"15\"", String.format(Locale.ROOT,
                "Confusion matrix, row-normalised (%d single-label names)", report.singleLabelNames())));
        int[][] confusion = report.confusion();
        for (int r = 0; r < k; r++) {
            int rowSum = 0;
            for (int c = 0; c < k; c++) {
                rowSum += confusion[r][c];
            }
            for (int c = 0; c < k; c++) {
                double share = rowSum == 0 ? 0 : (double) confusion[r][c] / rowSum;
                String tip = rowSum == 0 ? origins.get(r) + ": no single-label names"
                        : String.format(Locale.ROOT, "%s \u2192 %s: %d of %d (%.1f%%)", origins.get(r), origins.get(c),
                                confusion[r][c], rowSum, 100 * share);
                svg.append("<rect x=\"").append(x0 + c * CELL).append("\" y=\"").append(y0 + r * CELL)
                        .append("\" width=\"").append(CELL).append("\" height=\"").append(CELL)
                        .append("\" fill=\"").append(rowSum == 0 ? "#dddddd" : color(share))
                        .append("\"><title>").append(escape(tip)).append("</title></rect>\n");
            }
            svg.append(text(x0 - 6, y0 + r * CELL + CELL / 2.0 + 4, "end", "", origins.get(r)));
        }
        for (int c = 0; c < k; c++) {
            double cx = x0 + c * CELL + CELL / 2.0 + 4;
            svg.append("<text transform=\"translate(").append(num(cx)).append(' ').append(y0 - 6)
                    .append(") rotate(-90)\" text-anchor=\"start\">").append(escape(origins.get(c))).append("</text>\n");
        }
        svg.append("<rect x=\"").append(x0).append("\" y=\"").append(y0).append("\" width=\"").append(k * CELL)
                .append("\" height=\"").append(k * CELL).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        svg.append(text(x0 + k * CELL / 2.0, 42, "middle", "font-weight=\"bold\"", "Predicted origin"));
        svg.append("<text transform=\"translate(16 ").append(num(y0 + k * CELL / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\" font-weight=\"bold\">True origin</text>\n");
        legend(svg, x0 + k * CELL + 20, y0, Math.max(k * CELL, 100));
        return svg.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder svg, int x, int y, int h) {
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"14\" height=\"").append(h)
                .append("\" fill=\"url(#viridis)\" stroke=\"#333\"/>\n");
        for (int i = 0; i <= 4; i++) {
            double v = i / 4.0;
            double ty = y + h * (1 - v);
            svg.append("<line x1=\"").append(x + 14).append("\" x2=\"").append(x + 18).append("\" y1=\"").append(num(ty))
                    .append("\" y2=\"").append(num(ty)).append("\" stroke=\"#333\"/>\n");
            svg.append(text(x + 21, ty + 4, "start", "", SvgText.tick(v)));
        }
    }

    private static String gradient() {
        StringBuilder g = new StringBuilder("<defs><linearGradient id=\"viridis\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (double[] stop : VIRIDIS) {
            g.append("<stop offset=\"").append(num(stop[0])).append("\" stop-color=\"").append(color(stop[0]))
                    .append("\"/>");
        }
        return g.append("</linearGradient></defs>\n").toString();
    }

    /**
     * The viridis-like colour of a share, interpolated linearly between five stops.
     *
     * @param share a value in [0, 1]
     * @return a {@code #rrggbb} colour
     */
    static String color(double share) {
        double v = Math.max(0, Math.min(1, share));
        int i = Math.min(VIRIDIS.length - 2, (int) (v * (VIRIDIS.length - 1)));
        double[] a = VIRIDIS[i];
        double[] b = VIRIDIS[i + 1];
        double t = (v - a[0]) / (b[0] - a[0]);
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[1], b[1], t), mix(a[2], b[2], t), mix(a[3], b[3], t));
    }

    private static int mix(double a, double b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static String text(double x, double y, String anchor, String extra, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\""
                + (extra.isEmpty() ? "" : " " + extra) + ">" + escape(content) + "</text>\n";
    }
}
