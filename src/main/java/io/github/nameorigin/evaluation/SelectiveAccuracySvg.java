package io.github.nameorigin.evaluation;

import static io.github.nameorigin.evaluation.SvgText.escape;
import static io.github.nameorigin.evaluation.SvgText.num;

import java.util.List;

import io.github.nameorigin.model.PredictionSets.SelectivePoint;

/**
 * Draws accuracy against the share of names answered when only the most confident answers are
 * kept (selective accuracy): read from the right, each step left drops the least confident names.
 * An empty curve gives an empty chart that says so.
 */
final class SelectiveAccuracySvg {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 40;
    private static final int BOTTOM = 52;

    private SelectiveAccuracySvg() {
    }

    /**
     * Renders the curve.
     *
     * @param points the points, any order (may be empty)
     * @return a standalone SVG document
     */
    static String render(List<SelectivePoint> points) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double yLo = 0.5;
        for (SelectivePoint p : points) {
            yLo = Math.min(yLo, Math.floor(p.accuracy() * 10) / 10);
        }
        double lo = yLo;
        StringBuilder svg = new StringBuilder(SvgText.open(WIDTH, HEIGHT, "Selective accuracy"));
        svg.append(text(WIDTH / 2.0, 22, "middle", "font-size=\"15\"",
                "Accuracy when only the most confident answers are kept"));
        for (int i = 0; i <= 5; i++) {
            double v = lo + (1 - lo) * i / 5;
            double y = TOP + plotH * (1 - (v - lo) / (1 - lo));
            svg.append(line(LEFT, y, LEFT + plotW, y, "#e5e5e5"));
            svg.append(text(LEFT - 8, y + 4, "end", "", SvgText.tick(Math.round(v * 100) / 100.0)));
        }
        for (int i = 0; i <= 10; i++) {
            double x = LEFT + plotW * i / 10;
            svg.append(line(x, TOP + plotH, x, TOP + plotH + 5, "#333"));
            svg.append(text(x, TOP + plotH + 19, "middle", "", (i * 10) + "%"));
        }
        svg.append(line(LEFT, TOP, LEFT, TOP + plotH, "#333"));
        svg.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#333"));
        svg.append(text(LEFT + plotW / 2, HEIGHT - 10, "middle", "", "share of names answered (most confident first)"));
        svg.append("<text transform=\"translate(16 ").append(num(TOP + plotH / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">top-1 accuracy</text>\n");
        if (points.isEmpty()) {
            svg.append(text(LEFT + plotW / 2, TOP + plotH / 2, "middle", "fill=\"#777\"",
                    "No selective accuracy measured for this model"));
            return svg.append("</svg>\n").toString();
        }
        StringBuilder path = new StringBuilder();
        for (SelectivePoint p : points.stream().sorted(java.util.Comparator.comparingDouble(SelectivePoint::answered)).toList()) {
            double x = LEFT + plotW * p.answered();
            double y = TOP + plotH * (1 - (p.accuracy() - lo) / (1 - lo));
            path.append(path.isEmpty() ? "M" : " L").append(num(x)).append(' ').append(num(y));
            svg.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                    .append("\" r=\"3\" fill=\"#1f77b4\"><title>").append(escape("%.0f%% answered: accuracy %.3f, top probability at least %.3f"
                            .formatted(p.answered() * 100, p.accuracy(), p.minProbability()))).append("</title></circle>\n");
        }
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n");
        return svg.append("</svg>\n").toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + stroke + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String extra, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\""
                + (extra.isEmpty() ? "" : " " + extra) + ">" + escape(content) + "</text>\n";
    }
}
