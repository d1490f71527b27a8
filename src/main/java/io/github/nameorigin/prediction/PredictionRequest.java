package io.github.nameorigin.prediction;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code POST /predict}: exactly one of {@code name} and {@code names}.
 *
 * <p>The fields are read strictly ({@link StrictJson}): {@code "name": 5} or {@code "top": "3"}
 * are rejected rather than coerced, so a client bug shows up as a 400 instead of a prediction
 * for the string {@code "5"}.
 *
 * @param name  one surname, such as {@code Nakamura}
 * @param names several surnames, answered in the same order
 * @param top   how many origins to return per name, most likely first; optional
 * @param prior the origin mix to answer under: {@code "training"}, {@code "softened"}, {@code "uniform"}, or an
 *              object of origin to weight (normalised; origins left out get weight 0);
 *              optional, {@code nameorigin.prediction.prior} by default ({@link PriorOption})
 */
public record PredictionRequest(
        @JsonDeserialize(using = StrictJson.Text.class) String name,
        @JsonDeserialize(contentUsing = StrictJson.Text.class) List<String> names,
        @JsonDeserialize(using = StrictJson.WholeNumber.class) Integer top,
        JsonNode prior) {

    /**
     * A request without a prior (the configured one applies).
     *
     * @param name  see the record
     * @param names see the record
     * @param top   see the record
     */
    public PredictionRequest(String name, List<String> names, Integer top) {
        this(name, names, top, null);
    }
}
