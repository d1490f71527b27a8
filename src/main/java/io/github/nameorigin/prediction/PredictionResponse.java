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
     * @param id          the batch entry's {@code id} when it was sent as an object with one;
     *                    absent otherwise
     * @param name        the name as sent, without surrounding whitespace
     * @param predictions the top origins, probabilities descending
     * @param set         with {@code coverage}, the prediction set: the origins, most probable
     *                    first, that hold the true origin with that probability; absent otherwise
     * @param model       the model version that answered (on a single answer; left out inside a batch)
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
            @JsonInclude(JsonInclude.Include.NON_NULL) String model) implements PredictionResponse {
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
