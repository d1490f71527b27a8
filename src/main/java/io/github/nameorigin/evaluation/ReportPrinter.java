package io.github.nameorigin.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.nameorigin.model.EvaluationReport;

/**
 * Formats an {@link EvaluationReport} as plain text for a terminal: the headline figures, a
 * per-origin table and the confusion matrix (columns numbered like the rows, so long origin
 * names do not widen them).
 */
final class ReportPrinter {

    private ReportPrinter() {
    }

    /**
     * Formats a command's result: what was scored and skipped, then the report.
     *
     * @param scored the result of {@link DatasetScorer#score}
     * @param source where the names came from, for the heading
     * @return the text, ending with a line break
     */
    static String format(DatasetScorer.Scored scored, String source) {
        StringBuilder out = new StringBuilder();
        out.append("Evaluation of the live model on ").append(source).append('\n');
        out.append(String.format(Locale.ROOT, "Distinct names in the dataset: %d%n", scored.datasetNames()));
        if (scored.unusable() > 0) {
            out.append(String.format(Locale.ROOT, "Skipped, no character the model knows: %d%n", scored.unusable()));
        }
        if (scored.unknownOnly() > 0 || !scored.unknownOrigins().isEmpty()) {
            out.append(String.format(Locale.ROOT, "Skipped, only under origins the model does not know: %d%n",
                    scored.unknownOnly()));
            for (Map.Entry<String, Integer> e : scored.unknownOrigins().entrySet()) {
                out.append(String.format(Locale.ROOT, "  unknown origin %s: %d names%n", e.getKey(), e.getValue()));
            }
        }
        out.append('\n').append(format(scored.report()));
        if (!scored.sets().isEmpty()) {
            out.append("Prediction sets (coverage asked, coverage measured, mean size, share of single origins):\n");
            for (var check : scored.sets()) {
                out.append(String.format(Locale.ROOT, "  %.2f  %.4f  %.3f  %.3f%n", check.target(), check.coverage(),
                        check.meanSize(), check.singletons()));
            }
        }
        return out.toString();
    }

    /**
     * Formats a report.
     *
     * @param report the report
     * @return the text, ending with a line break
     */
    static String format(EvaluationReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Names scored:      %d (%d listed under one language)%n",
                report.names(), report.singleLabelNames()));
        out.append(String.format(Locale.ROOT, "Top-1 accuracy:    %.1f %%%n", 100 * report.top1()));
        out.append(String.format(Locale.ROOT, "Top-3 accuracy:    %.1f %%%n", 100 * report.top3()));
        out.append(String.format(Locale.ROOT, "Macro-F1:          %.3f%n", report.macroF1()));
        out.append(String.format(Locale.ROOT, "ECE (%d bins):     %.3f", Evaluator.ECE_BINS, report.ece()));
        if (report.eceUncalibrated() != null) {
            out.append(String.format(Locale.ROOT, " (%.3f before calibration)", report.eceUncalibrated()));
        }
        out.append('\n');
        if (report.temperature() != null) {
            out.append(String.format(Locale.ROOT, "Temperature:       %.3f%n", report.temperature()));
        }
        out.append('\n');
        perOrigin(out, report);
        out.append('\n');
        confusion(out, report);
        return out.toString();
    }

    private static void perOrigin(StringBuilder out, EvaluationReport report) {
        int width = Math.max("Origin".length(), longest(report.origins()));
        String row = "%-" + width + "s  %9s  %6s  %6s  %7s  %9s%n";
        out.append(String.format(Locale.ROOT, row, "Origin", "Precision", "Recall", "F1", "Support", "Predicted"));
        for (EvaluationReport.OriginScore s : report.perOrigin()) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %9.3f  %6.3f  %6.3f  %7d  %9d%n", s.origin(),
                    s.precision(), s.recall(), s.f1(), s.support(), s.predictions()));
        }
        out.append("Precision, recall, F1 and the matrix below count names listed under one language;\n"
                + "macro-F1 averages F1 over origins with support or predictions.\n");
    }

    private static void confusion(StringBuilder out, EvaluationReport report) {
        List<String> origins = report.origins();
        int k = origins.size();
        int[][] m = report.confusion();
        int max = 0;
        for (int[] row : m) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        int cell = Math.max(String.valueOf(max).length(), String.valueOf(k).length() + 1) + 1;
        int label = String.valueOf(k).length() + 1 + longest(origins);
        out.append("Confusion matrix (rows: true origin, columns: predicted origin by number)\n");
        out.append(" ".repeat(label));
        for (int c = 0; c < k; c++) {
            out.append(pad("#" + (c + 1), cell));
        }
        out.append('\n');
        for (int r = 0; r < k; r++) {
            String name = String.format(Locale.ROOT, "%" + String.valueOf(k).length() + "d %s", r + 1, origins.get(r));
            out.append(name).append(" ".repeat(label - name.length()));
            for (int c = 0; c < k; c++) {
                out.append(pad(String.valueOf(m[r][c]), cell));
            }
            out.append('\n');
        }
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static int longest(List<String> texts) {
        return texts.stream().mapToInt(String::length).max().orElse(0);
    }
}
