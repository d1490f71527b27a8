package io.github.nameorigin.model;

/**
 * Headline validation figures of a model.
 *
 * @param names      validation names scored
 * @param top1       share of names whose top guess is a language they are listed under
 * @param top3       share of names with such a language among the top three
 * @param macroF1    F1 averaged over origins, on names listed under one language
 * @param ece        expected calibration error (15 bins on the top guess), after calibration,
 *                   measured out of fold ({@link io.github.nameorigin.model.TopLabelCalibration#outOfFold})
 * @param eceRaw     the same before calibration
 */
public record ValidationMetrics(int names, double top1, double top3, double macroF1, double ece,
        double eceRaw) {
}
