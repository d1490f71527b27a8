package io.github.nameorigin.model;

/**
 * The "none of these origins" score of a name: a logistic function of how surprising its letters
 * are to the {@link CharacterLanguageModel} of the training names, standardised on the validation
 * names ({@code z = (surprisal - centre) / scale}), and of how unsure the classifier is
 * ({@code 1 -} its top calibrated probability under the training mix). Both say "unlike the
 * training names"; the first also for languages the classifier never saw, which its confidence
 * alone cannot tell. The weights are fixed (fitted by leaving origins out, see
 * names-in-the-wild.md); only the standardisation depends on the training names.
 *
 * @param centre the validation names' median surprisal, in nats per symbol
 * @param scale  the spread of the validation names' surprisal (their interquartile range)
 */
public record UnknownDetector(double centre, double scale) {

    /** The logistic's intercept. */
    static final double INTERCEPT = -4.0;
    /** The weight of the standardised surprisal. */
    static final double SURPRISAL_WEIGHT = 1.5;
    /** The weight of {@code 1 -} the top probability. */
    static final double DOUBT_WEIGHT = 4.0;

    /**
     * The score of one name.
     *
     * @param nats           the name's surprisal under the character language model
     * @param topProbability its top calibrated probability under the training mix
     * @return from 0 (like the training names) to 1 (like none of them)
     */
    public double score(double nats, double topProbability) {
        double z = Double.isNaN(nats) ? 0 : (nats - centre) / Math.max(scale, 1e-6);
        return 1 / (1 + Math.exp(-(INTERCEPT + SURPRISAL_WEIGHT * z + DOUBT_WEIGHT * (1 - topProbability))));
    }
}
