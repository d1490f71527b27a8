package io.github.nameorigin.model;

import java.time.Instant;
import java.util.List;

/**
 * Scores of a model on a labelled set of names; stored as {@code evaluation.json} in a checkpoint
 * and served by {@code GET /model/evaluation}. Built by {@link Evaluator}, which documents the
 * definitions.
 *
 * @param names            names scored
 * @param singleLabelNames names listed under exactly one language (the base of macro-F1, the
 *                         per-origin scores and the confusion matrix)
 * @param top1             share of names whose top guess is any language they are listed under
 * @param top3             share of names with such a language among the three most probable
 * @param macroF1          unweighted mean F1 over the origins that have support or predictions
 * @param ece              expected calibration error of the top guess, 15 equal-width bins (for a
 *                         training report: of out-of-fold calibrated probabilities, see
 *                         {@link TopLabelCalibration#outOfFold})
 * @param eceUncalibrated  the same before calibration, or null when not measured
 * @param temperature      the softmax temperature the probabilities were computed with, or null
 * @param origins          the origins, in the order of the confusion matrix
 * @param perOrigin        precision, recall, F1 and support per origin, in the same order
 * @param confusion        counts of single-label names: row is the true origin, column the guess
 * @param createdAt        when the evaluation was made
 */
public record EvaluationReport(
        int names,
        int singleLabelNames,
        double top1,
        double top3,
        double macroF1,
        double ece,
        Double eceUncalibrated,
        Double temperature,
        List<String> origins,
        List<OriginScore> perOrigin,
        int[][] confusion,
        Instant createdAt) {

    /**
     * Scores of one origin on single-label names.
     *
     * @param origin      the origin
     * @param precision   share of guesses of this origin that were right (0 when never guessed)
     * @param recall      share of names of this origin guessed right (0 without support)
     * @param f1          harmonic mean of precision and recall (0 when both are 0)
     * @param support     single-label names of this origin
     * @param predictions single-label names guessed as this origin
     */
    public record OriginScore(String origin, double precision, double recall, double f1, int support,
            int predictions) {
    }

    /**
     * Copies the lists so the record is immutable.
     */
    public EvaluationReport {
        origins = List.copyOf(origins);
        perOrigin = List.copyOf(perOrigin);
    }
}
