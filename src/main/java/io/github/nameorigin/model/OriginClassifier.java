package io.github.nameorigin.model;

import java.util.List;

/**
 * Inference API of a loaded model: thread-safe, returns plain Java values.
 */
public interface OriginClassifier {

    /**
     * The origins the model tells apart, in the order of the probability vectors.
     *
     * @return origin labels, such as {@code Japanese}
     */
    List<String> origins();

    /**
     * Whether the name has at least one character the model knows.
     *
     * @param name a raw name as the client sent it
     * @return true when the name can be encoded
     */
    boolean isUsable(String name);

    /**
     * Calibrated probabilities over {@link #origins()} for each name, in input order.
     * Every name must be {@link #isUsable(String) usable}.
     *
     * @param names raw names
     * @return one probability vector per name
     */
    float[][] predict(List<String> names);

    /**
     * The prediction sets fitted with this model.
     *
     * @return the sets, or null when its checkpoint has none
     */
    default PredictionSets predictionSets() {
        return null;
    }

    /**
     * The form of a name the model scores: lower case, accents it does not know folded, other
     * characters dropped.
     *
     * @param name a raw name in Latin letters
     * @return what the model reads
     */
    default String read(String name) {
        return NameNormalizer.spelling(name);
    }

    /**
     * Whether a Latin-script name has a letter no training name was written with (such as the
     * Turkish {@code ı} or the Nordic {@code ø}): a sign that it is none of the origins.
     *
     * @param spelling a Latin-script name's spelling ({@link NameNormalizer#spelling}: accents
     *                 kept, unlike {@link #read})
     * @return true when one of its letters is new to the model
     */
    default boolean hasUnseenLetter(String spelling) {
        return false;
    }

    /**
     * The calibration map for answers under a named origin mix other than the training one
     * ({@link PriorCalibration}).
     *
     * @param prior the mix's name
     * @return the map, or null when the model has none for it
     */
    default TopLabelCalibration priorCalibration(String prior) {
        return null;
    }

    /**
     * Each origin's share of the training examples, in output order.
     *
     * @return the training mix, or null when the model does not record it
     */
    default double[] trainingPrior() {
        return null;
    }

    /**
     * Each origin's share of the dataset's own training names, without the extra sources: what
     * the softened mix softens ({@link OriginPrior#softened}).
     *
     * @return that mix; the training mix when the model records no other
     */
    default double[] datasetPrior() {
        return trainingPrior();
    }

    /**
     * How unlike every origin each name is ({@link UnknownDetector}), from 0 to 1.
     *
     * @param names         Latin-script names' spellings ({@link NameNormalizer#spelling}; a raw
     *                      name scores the same, since the language model folds what it reads)
     * @param probabilities their calibrated probabilities under the training mix, from {@link #predict}
     * @return one score per name, or null when the model has no detector
     */
    default double[] unknownScores(List<String> names, float[][] probabilities) {
        return null;
    }
}
