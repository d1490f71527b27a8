package io.github.nameorigin.prediction;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * One entry of a batch: a surname, with the caller's own identifier when the entry was sent as
 * an object such as {@code {"id": "row-17", "name": "Nakamura"}} rather than a plain string.
 *
 * @param id   the caller's identifier, echoed in the answer; null for a plain string
 * @param name the surname; null when the entry was JSON {@code null} (rejected by validation)
 */
@Schema(description = "A batch entry with the caller's id", requiredProperties = "name",
        example = "{\"id\": \"row-17\", \"name\": \"Nakamura\"}")
public record NameItem(
        @Schema(description = "echoed in the answer", example = "row-17") String id,
        @Schema(description = "the surname", example = "Nakamura") String name) {

    /**
     * Reads a batch entry strictly: a JSON string, or an object with a string {@code name} and
     * an optional string {@code id} and nothing else; anything else is a 400, as a wrong type is
     * for the other fields.
     */
    static final class Reader extends ValueDeserializer<NameItem> {

        @Override
        public NameItem deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return new NameItem(null, parser.getString());
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return (NameItem) context.handleUnexpectedToken(String.class, parser);
            }
            String id = null;
            String name = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"id".equals(field) && !"name".equals(field)) {
                    return (NameItem) context.reportInputMismatch(NameItem.class,
                            "unknown field '%s' in a names entry; an entry has 'name' and optionally 'id'", field);
                }
                if (value != JsonToken.VALUE_STRING) {
                    return (NameItem) context.reportInputMismatch(NameItem.class,
                            "'%s' of a names entry must be a string", field);
                }
                if ("id".equals(field)) {
                    id = parser.getString();
                } else {
                    name = parser.getString();
                }
            }
            if (name == null) {
                return (NameItem) context.reportInputMismatch(NameItem.class,
                        "a names entry written as an object needs a 'name'");
            }
            return new NameItem(id, name);
        }

        @Override
        public NameItem getNullValue(DeserializationContext context) {
            return null;
        }
    }
}
