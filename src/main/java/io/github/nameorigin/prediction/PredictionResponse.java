package io.github.nameorigin.prediction;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of a successful {@code POST} or {@code GET /predict}: a {@link NamePrediction} when the request had
 * {@code name}, a {@link BatchPrediction} when it had {@code names}.
 */
@Schema(oneOf = {PredictionResponse.NamePrediction.class, PredictionResponse.BatchPrediction.class})
public sealed interface PredictionResponse permits PredictionResponse.NamePrediction,
        PredictionResponse.BatchPrediction {

    /**
     * The store version of the model that answered.
     *
     * @return its id, or null outside the store (or for a name inside a batch)
     */
    String model();

    /**
     * One origin and how likely it is.
     *
     * @param origin      the language of origin, such as {@code Japanese}
     * @param probability calibrated probability, rounded to four decimals; a decimal, so that it is
     *                    written as {@code 0.0009} rather than a double's {@code 9.0E-4}
     */
    @Schema(requiredProperties = {"origin", "probability"})
    record OriginProbability(@Schema(example = "Japanese") String origin,
            @Schema(description = "calibrated, four decimals", example = "0.9987", minimum = "0", maximum = "1")
            BigDecimal probability) {
    }

    /**
     * The most likely origins of one name, most likely first.
     *
     * @param id           the batch entry's {@code id} when it was sent as an object with one;
     *                     absent otherwise
     * @param name         the name as sent, without surrounding whitespace
     * @param predictions  the top origins, probabilities descending
     * @param set          with {@code coverage}, the prediction set: the origins, most probable
     *                     first, that hold the true origin with that probability; absent otherwise
     * @param script       the script the name is written in, as Unicode names it ({@code LATIN},
     *                     {@code CYRILLIC}, {@code HANGUL}, {@code HAN}, {@code KATAKANA}, ...)
     * @param normalized   the Latin form the model scored (transliterated from another script,
     *                     lower case, unknown accents folded)
     * @param unknown      whether the name looks like none of the origins ({@code unknownScore}
     *                     above {@code nameorigin.prediction.unknown-threshold})
     * @param unknownScore from 0 (like the training names) to 1 (like none of the origins),
     *                     rounded to four decimals (the last four are left out when not known, as
     *                     with a checkpoint that has no character language model)
     * @param model        the model version that answered (on a single answer; left out inside a batch)
     */
    @Schema(requiredProperties = {"name", "predictions"}, example = PredictionApiDocs.SINGLE_ANSWER)
    record NamePrediction(
            @Schema(description = "the entry's id; only when one was sent", example = "row-17")
            @JsonInclude(JsonInclude.Include.NON_NULL) String id,
            @Schema(description = "the name as sent, trimmed", example = "Nakamura") String name,
            List<OriginProbability> predictions,
            @ArraySchema(arraySchema = @Schema(description = "with 'coverage' only: the prediction set, most "
                    + "probable first"), schema = @Schema(example = "Japanese"))
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> set,
            @Schema(description = "the script the name is written in, as Unicode names it", example = "LATIN")
            @JsonInclude(JsonInclude.Include.NON_NULL) String script,
            @Schema(description = "the Latin form the model scored", example = "nakamura")
            @JsonInclude(JsonInclude.Include.NON_NULL) String normalized,
            @Schema(description = "true when the name looks like none of the origins (unknownScore above the "
                    + "service's threshold)", example = "false")
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean unknown,
            @Schema(description = "0 = like the training names, 1 = like none of the origins; four decimals",
                    example = "0.0412", minimum = "0", maximum = "1")
            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal unknownScore,
            @JsonInclude(JsonInclude.Include.NON_NULL) String model) implements PredictionResponse {

        /**
         * This answer with the model version that gave it.
         *
         * @param version the version id
         * @return the new answer
         */
        NamePrediction withModel(String version) {
            return new NamePrediction(id, name, predictions, set, script, normalized, unknown, unknownScore,
                    version);
        }
    }

    /**
     * Predictions for several names, in request order.
     *
     * @param results one entry per requested name
     * @param model   the model version that answered every name
     */
    @Schema(requiredProperties = "results", example = PredictionApiDocs.BATCH_ANSWER)
    record BatchPrediction(List<NamePrediction> results,
            @JsonInclude(JsonInclude.Include.NON_NULL) String model) implements PredictionResponse {

        BatchPrediction(List<NamePrediction> results) {
            this(results, null);
        }
    }
}
