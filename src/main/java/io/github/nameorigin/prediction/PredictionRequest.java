package io.github.nameorigin.prediction;

import java.util.List;

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
 */
public record PredictionRequest(
        @JsonDeserialize(using = StrictJson.Text.class) String name,
        @JsonDeserialize(contentUsing = NameItem.Reader.class) List<NameItem> names,
        @JsonDeserialize(using = StrictJson.WholeNumber.class) Integer top,
        @JsonDeserialize(using = StrictDecimal.class) Double coverage) {
}
