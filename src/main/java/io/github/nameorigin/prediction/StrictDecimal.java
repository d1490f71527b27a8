package io.github.nameorigin.prediction;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Accepts JSON numbers only, so {@code "coverage": "0.9"} is a 400 rather than coerced, as the
 * other fields are read ({@link StrictJson}).
 */
final class StrictDecimal extends ValueDeserializer<Double> {

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getDoubleValue();
        }
        return (Double) context.handleUnexpectedToken(Double.class, parser);
    }
}
