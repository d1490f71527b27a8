package io.github.nameorigin.prediction;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code POST /predict} (and the query of {@code GET /predict}): exactly one of
 * {@code name} and {@code names}.
 *
 * <p>The fields are read strictly ({@link StrictJson}): {@code "name": 5} or {@code "top": "3"}
 * are rejected rather than coerced, so a client bug shows up as a 400 instead of a prediction
 * for the string {@code "5"}.
 *
 * @param name     one surname, such as {@code Nakamura}
 * @param names    several surnames, answered in the same order; each a string or an object
 *                 {@code {"id": "row-17", "name": "Nakamura"}} whose {@code id} is echoed
 * @param top      how many origins to return per name, most likely first; optional
 * @param coverage with a value such as {@code 0.9}, each answer also gets the prediction set
 *                 that holds the true origin with that probability; optional
 * @param prior    the origin mix to answer under: {@code "training"}, {@code "softened"},
 *                 {@code "uniform"}, or an object of origin to weight (normalised; origins left
 *                 out get weight 0); optional, {@code nameorigin.prediction.prior} by default
 *                 ({@link PriorOption})
 */
@Schema(description = "Exactly one of 'name' and 'names'.", example = "{\"name\": \"Nakamura\", \"top\": 3}")
public record PredictionRequest(
        @Schema(description = "one surname, at most 64 characters", example = "Nakamura")
        @JsonDeserialize(using = StrictJson.Text.class) String name,
        @ArraySchema(arraySchema = @Schema(description = "up to 1,000 surnames, answered in the same order"),
                schema = @Schema(oneOf = {String.class, NameItem.class}))
        @JsonDeserialize(contentUsing = NameItem.Reader.class) List<NameItem> names,
        @Schema(description = "origins per name, most likely first; from 1 to the number of origins; default 3",
                example = "3", minimum = "1")
        @JsonDeserialize(using = StrictJson.WholeNumber.class) Integer top,
        @Schema(description = "adds each name's prediction set: the origins that hold the true one with this "
                + "probability", example = "0.9", exclusiveMinimumValue = 0, exclusiveMaximumValue = 1)
        @JsonDeserialize(using = StrictDecimal.class) Double coverage,
        @Schema(description = "the origin mix to answer under: \"training\", \"softened\", \"uniform\", or an "
                + "object of origin to weight (origins left out get weight 0); default: the service's "
                + "configured prior", oneOf = {String.class, Object.class}, example = "uniform")
        JsonNode prior) {

    /**
     * A request without a prior (the configured one applies).
     *
     * @param name     see the record
     * @param names    see the record
     * @param top      see the record
     * @param coverage see the record
     */
    public PredictionRequest(String name, List<NameItem> names, Integer top, Double coverage) {
        this(name, names, top, coverage, null);
    }
}
