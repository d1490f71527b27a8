package io.github.nameorigin.system;

import java.nio.charset.CharacterCodingException;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns an unreadable request body into a sentence that tells the client what to fix, naming the
 * field (such as {@code names[2]}) but never Java types or exception classes.
 */
final class JsonReadErrors {

    /** Jackson's message for a repeated key with {@code STRICT_DUPLICATE_DETECTION}, naming the key. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"([^\"]{1,64})\"");

    private JsonReadErrors() {
    }

    static String describe(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause == null) {
            // Spring raises this without a cause when the body is empty.
            return "The request body is missing; send a JSON object such as {\"name\": \"Nakamura\"}.";
        }
        String limit = limitExceeded(cause);
        if (limit != null) {
            return limit;
        }
        if (cause instanceof CharacterCodingException) {
            return "The request body is not valid UTF-8" + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                    + "; send JSON encoded as UTF-8.";
        }
        if (!(cause instanceof JacksonException json)) {
            return "The request body could not be read; send a JSON object such as {\"name\": \"Nakamura\"}.";
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
        if (duplicate.find()) {
            return "'" + duplicate.group(1) + "' appears more than once in a JSON object; send each field once.";
        }
        String field = field(json);
        if (json instanceof StreamReadException && field.isEmpty()) {
            return "The request body is not valid JSON" + where(json.getLocation())
                    + "; check quotes, commas and brackets.";
        }
        if (field.isEmpty()) {
            return "The request body must be a JSON object such as {\"name\": \"Nakamura\", \"top\": 3}.";
        }
        return "'" + field + "' " + expectation(json) + ".";
    }

    /**
     * A sentence for a body that breaks one of the parser's limits (Jackson's stream read
     * constraints) wherever it is in the cause chain; null if none was broken. Jackson says which
     * limit only in its message, so the message's opening words pick the sentence.
     */
    private static String limitExceeded(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException constraint) {
                String message = String.valueOf(constraint.getOriginalMessage());
                if (message.startsWith("Number value length")) {
                    return "A number in the request body has too many digits; 'top' is a small whole number such as 3.";
                }
                if (message.startsWith("String value length") || message.startsWith("Name length")) {
                    return "A string in the request body is too long; a name has at most a few dozen characters.";
                }
                if (message.startsWith("Document nesting depth")) {
                    return "The request body is nested too deeply; send a flat JSON object such as "
                            + "{\"name\": \"Nakamura\", \"top\": 3}.";
                }
                return "The request body exceeds a limit of the JSON reader; send a small JSON object such as "
                        + "{\"name\": \"Nakamura\"}.";
            }
        }
        return null;
    }

    private static String expectation(JacksonException json) {
        Class<?> target = json instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "has a value of the wrong type or out of range";
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "must be a JSON string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a JSON array";
        }
        return "must be a JSON object";
    }

    /** The JSON path as a client would write it, such as {@code names[2]}; empty for the root. */
    private static String field(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
