package io.github.nameorigin.model;

/**
 * The "none of these origins" score of a name: a logistic function of how surprising its letters
 * are to the {@link CharacterLanguageModel} of the training names (measured against the
 * validation names: {@code (surprisal - centre) / scale}) and of how unsure the classifier is
 * ({@code 1 -} its top calibrated probability under the training mix). Both say "unlike the
 * training names"; the first also for languages the classifier never saw, which its confidence
 * alone cannot tell.
 *
 * @param centre    the validation names' median surprisal, in nats per symbol
 * @param scale     the spread of the validation names' surprisal (their interquartile range)
 * @param intercept the logistic's intercept
 * @param surprisal the weight of the standardised surprisal
 * @param doubt     the weight of {@code 1 -} the top probability
 */
public record UnknownDetector(double centre, double scale, double intercept, double surprisal, double doubt) {

    /**
     * The weights fitted by leaving origins out (see names-in-the-wild.md): the training names of
     * three origins at a time were left out and their names scored against the kept origins'
     * validation names.
     */
    public static final double INTERCEPT = -4.0;
    /** See {@link #INTERCEPT}. */
    public static final double SURPRISAL_WEIGHT = 1.5;
    /** See {@link #INTERCEPT}. */
    public static final double DOUBT_WEIGHT = 4.0;

    /**
     * A detector with the fitted weights, standardised on a model's validation names.
     *
     * @param centre the validation names' median surprisal
     * @param scale  their interquartile range
     * @return the detector
     */
    public static UnknownDetector standardisedOn(double centre, double scale) {
        return new UnknownDetector(centre, scale, INTERCEPT, SURPRISAL_WEIGHT, DOUBT_WEIGHT);
    }

    /**
     * The score of one name.
     *
     * @param nats           the name's surprisal under the character language model
     * @param topProbability its top calibrated probability under the training mix
     * @return from 0 (like the training names) to 1 (like none of them)
     */
    public double score(double nats, double topProbability) {
        double z = Double.isNaN(nats) ? 0 : (nats - centre) / Math.max(scale, 1e-6);
        return 1 / (1 + Math.exp(-(intercept + surprisal * z + doubt * (1 - topProbability))));
    }
}
