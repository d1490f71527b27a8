package io.github.nameorigin.prediction;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Deserializers that accept only the JSON type they are named for. Jackson by default turns
 * {@code 5} into {@code "5"} for a string field and {@code "3"} or {@code 3.7} into {@code 3} for
 * an integer one; for a prediction API such coercions hide client bugs.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** Accepts JSON strings only. */
    static final class Text extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return parser.getString();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }

    /** Accepts JSON integers only; values beyond {@code int} are clamped so range checks report them. */
    static final class WholeNumber extends ValueDeserializer<Integer> {

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Integer) context.handleUnexpectedToken(Integer.class, parser);
            }
            if (parser.getNumberType() == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            return parser.getBigIntegerValue().signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
    }
}
