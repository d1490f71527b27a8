package io.github.nameorigin.prediction;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of a successful {@code POST /predict}: a {@link NamePrediction} when the request had
 * {@code name}, a {@link BatchPrediction} when it had {@code names}.
 */
public sealed interface PredictionResponse permits PredictionResponse.NamePrediction,
        PredictionResponse.BatchPrediction {

    /**
     * One origin and how likely it is.
     *
     * @param origin      the language of origin, such as {@code Japanese}
     * @param probability calibrated probability, rounded to four decimals; a decimal, so that it is
     *                    written as {@code 0.0009} rather than a double's {@code 9.0E-4}
     */
    record OriginProbability(String origin, BigDecimal probability) {
    }

    /**
     * The most likely origins of one name, most likely first.
     *
     * @param name         the name as sent, without surrounding whitespace
     * @param predictions  the top origins, probabilities descending
     * @param script       the script the name is written in, as Unicode names it ({@code LATIN},
     *                     {@code CYRILLIC}, {@code HANGUL}, {@code HAN}, {@code KATAKANA}, ...)
     * @param normalized   the Latin form the model scored (transliterated from another script,
     *                     lower case, unknown accents folded)
     * @param unknown      whether the name looks like none of the origins ({@code unknownScore}
     *                     above {@code nameorigin.prediction.unknown-threshold})
     * @param unknownScore from 0 (like the training names) to 1 (like none of the origins),
     *                     rounded to four decimals
     *                     (these four are left out of the answer when not known, as with a
     *                     checkpoint that has no character language model)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NamePrediction(String name, List<OriginProbability> predictions, String script, String normalized,
            Boolean unknown, BigDecimal unknownScore) implements PredictionResponse {

        /**
         * The origins alone, without what was read.
         *
         * @param name        see the record
         * @param predictions see the record
         */
        NamePrediction(String name, List<OriginProbability> predictions) {
            this(name, predictions, null, null, null, null);
        }
    }

    /**
     * Predictions for several names, in request order.
     *
     * @param results one entry per requested name
     */
    record BatchPrediction(List<NamePrediction> results) implements PredictionResponse {
    }
}
