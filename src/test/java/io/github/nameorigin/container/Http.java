package io.github.nameorigin.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for the tests: they talk to containers, not to a Spring context.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {
    }

    /**
     * A response with its body parsed as JSON (a missing node when the body is not JSON).
     *
     * @param status      the status code
     * @param contentType the Content-Type header, or empty
     * @param body        the parsed body
     * @param text        the raw body
     */
    record Response(int status, String contentType, JsonNode body, String text) {
    }

    /**
     * POSTs a JSON body.
     *
     * @param url  the full URL
     * @param json the body
     * @return the response
     */
    static Response postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * GETs a URL.
     *
     * @param url the full URL
     * @return the response
     */
    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * Serialises a value as JSON.
     *
     * @param value a map, list or record
     * @return the JSON text
     */
    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * Encodes a query parameter value.
     *
     * @param value the value
     * @return the encoded value
     */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = JSON.missingNode();
            }
            return new Response(response.statusCode(), contentType, body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
