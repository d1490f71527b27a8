package io.github.nameorigin.evaluation;

import static io.github.nameorigin.evaluation.SvgText.escape;
import static io.github.nameorigin.evaluation.SvgText.num;

import java.util.List;

/**
 * Draws a training loss curve as an SVG line plot with axes, ticks and labels, like the plot in
 * the PyTorch char-RNN classification tutorial. Non-finite points are skipped; an empty curve
 * gives an empty chart that says so.
 */
public final class LossCurveSvg {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 40;
    private static final int BOTTOM = 52;

    private LossCurveSvg() {
    }

    /**
     * Renders a loss curve.
     *
     * @param lossCurve     average loss per point, oldest first (may be empty)
     * @param stepsPerPoint training steps each point averages over
     * @return a standalone SVG document
     */
    public static String render(List<Double> lossCurve, int stepsPerPoint) {
        int every = Math.max(1, stepsPerPoint);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(SvgText.open(WIDTH, HEIGHT, "Training loss"));
        svg.append(text(WIDTH / 2.0, 22, "middle", "font-size=\"15\"",
                "Training loss (mean over " + every + (every == 1 ? " step" : " steps") + " per point)"));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int points = 0;
        for (Double v : lossCurve) {
            if (v != null && Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                points++;
            }
        }
        if (points == 0) {
            min = 0;
            max = 1;
        } else if (max - min < 1e-9) {
            min -= 0.5;
            max += 0.5;
        }
        double yStep = niceStep((max - min) / 5);
        double yLo = Math.floor(min / yStep) * yStep;
        double yHi = Math.ceil(max / yStep) * yStep;
        double xHi = Math.max(1, (double) lossCurve.size() * every);
        double xStep = niceStep(xHi / 6);
        for (double v = yLo; v <= yHi + yStep / 2; v += yStep) {
            double y = TOP + plotH * (1 - (v - yLo) / (yHi - yLo));
            svg.append(line(LEFT, y, LEFT + plotW, y, "#e5e5e5"));
            svg.append(line(LEFT - 5, y, LEFT, y, "#333"));
            svg.append(text(LEFT - 8, y + 4, "end", "", SvgText.tick(Math.round(v / yStep) * yStep)));
        }
        for (double v = 0; v <= xHi + xStep / 2; v += xStep) {
            double x = LEFT + plotW * v / xHi;
            if (x > LEFT + plotW + 0.5) {
                break;
            }
            svg.append(line(x, TOP + plotH, x, TOP + plotH + 5, "#333"));
            svg.append(text(x, TOP + plotH + 19, "middle", "", SvgText.tick(v)));
        }
        svg.append(line(LEFT, TOP, LEFT, TOP + plotH, "#333"));
        svg.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#333"));
        svg.append(text(LEFT + plotW / 2, HEIGHT - 10, "middle", "", "training step"));
        svg.append("<text transform=\"translate(16 ").append(num(TOP + plotH / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">loss</text>\n");
        if (points == 0) {
            svg.append(text(LEFT + plotW / 2, TOP + plotH / 2, "middle", "fill=\"#777\"", "No loss recorded yet"));
            return svg.append("</svg>\n").toString();
        }
        StringBuilder path = new StringBuilder();
        String lastPoint = null;
        boolean pen = false;
        for (int i = 0; i < lossCurve.size(); i++) {
            Double v = lossCurve.get(i);
            if (v == null || !Double.isFinite(v)) {
                pen = false; // a gap in the line rather than a jump through a bad point
                continue;
            }
            double x = LEFT + plotW * ((double) (i + 1) * every) / xHi;
            double y = TOP + plotH * (1 - (v - yLo) / (yHi - yLo));
            path.append(pen ? " L" : (path.isEmpty() ? "M" : " M")).append(num(x)).append(' ').append(num(y));
            lastPoint = num(x) + "\" cy=\"" + num(y);
            pen = true;
        }
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n");
        if (points == 1) {
            svg.append("<circle cx=\"").append(lastPoint).append("\" r=\"3\" fill=\"#1f77b4\"/>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * A round step (1, 2 or 5 times a power of ten) of at least the given size.
     *
     * @param rough the rough step
     * @return the nice step
     */
    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
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
