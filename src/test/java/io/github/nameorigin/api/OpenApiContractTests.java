package io.github.nameorigin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates real answers of the running service, the bundled checkpoint loaded, against its own
 * OpenAPI description: each answer's status and content type must be documented for its path and
 * method, and its body must match the documented schema (JSON Schema 2020-12 with the OpenAPI 3.1
 * dialect, by networknt's validator). Every documented operation must be exercised, so neither
 * side can drift from the other unnoticed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nameorigin.mode=load")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTests {

    private static final String DOC = "https://name-origin.invalid/openapi.json";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private JsonNode description;
    private SchemaRegistry schemas;
    private final Set<String> exercised = new LinkedHashSet<>();

    @BeforeAll
    void readDescription() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/actuator/health/readiness", null, null)
                .statusCode() == 200);
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), docs.body());
        description = json.readTree(docs.body());
        assertThat(description.get("openapi").asString()).startsWith("3.1");
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOC, docs.body())));
    }

    @Test
    void realAnswersMatchTheDescription() throws Exception {
        List<String> problems = new ArrayList<>();
        String json = "application/json";
        check(problems, "POST", "/predict", "{\"name\": \"Nakamura\", \"top\": 3}", json, 200);
        check(problems, "POST", "/predict", "{\"names\": [{\"id\": \"row-17\", \"name\": \"Nakamura\"}, \"Smith\"], "
                + "\"coverage\": 0.9}", json, 200);
        check(problems, "POST", "/predict", "{\"name\": \"Иванов\", \"prior\": \"uniform\"}", json, 200);
        check(problems, "POST", "/predict", "{\"name\": \"Smith\", \"prior\": {\"English\": 2, \"Scottish\": 1}}",
                json, 200);
        check(problems, "POST", "/predict", "{\"name\": \"#1\"}", json, 400);
        check(problems, "POST", "/predict", "{\"name\": \"Smith\", \"prior\": \"even\"}", json, 400);
        check(problems, "POST", "/predict", "{\"name\": 5}", json, 400);
        check(problems, "POST", "/predict", "{\"name\": \"Smith\"", json, 400);
        check(problems, "POST", "/predict", "{\"name\": \"Smith\"}", "text/plain", 415);
        check(problems, "GET", "/predict?name=Nakamura&top=2&coverage=0.9", null, null, 200);
        check(problems, "GET", "/predict?name=Nakamura&name=Schmidt", null, null, 200);
        check(problems, "GET", "/predict?name=Nakamura&top=0", null, null, 400);
        check(problems, "GET", "/training/status", null, null, 200);
        check(problems, "GET", "/model/evaluation", null, null, 200);
        check(problems, "GET", "/model/evaluation/confusion.svg", null, null, 200);
        check(problems, "GET", "/model/evaluation/selective.svg", null, null, 200);
        check(problems, "GET", "/training/loss.svg", null, null, 200);
        assertThat(problems).isEmpty();
        Set<String> documented = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        assertThat(exercised).containsAll(documented);
    }

    @Test
    void swaggerUiIsServedFromTheJarWithoutTheNetwork() throws Exception {
        HttpResponse<String> page = send("GET", "/swagger-ui/index.html", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui").doesNotContain("https://");
        HttpResponse<String> config = send("GET", "/v3/api-docs/swagger-config", null, null);
        assertThat(config.body()).contains("/v3/api-docs");
    }

    @Test
    void aRepeatedGetWithItsTagIsNotModified() throws Exception {
        HttpResponse<String> first = send("GET", "/predict?name=Nakamura", null, null);
        String tag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/predict?name=Nakamura"))
                .header("If-None-Match", tag).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        JsonNode responses = description.at("/paths/~1predict/get/responses");
        assertThat(responses.has("304")).as("304 documented for GET /predict").isTrue();
        assertThat(responses.at("/200/headers").has("ETag")).isTrue();
    }

    /**
     * Every request and response body in the description has a schema and an example, and every
     * JSON example is valid against its schema, so the examples cannot drift either.
     */
    @Test
    void everyBodyHasASchemaAndAValidExample() {
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String base = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
                List<String> bodies = new ArrayList<>();
                if (operation.getValue().has("requestBody")) {
                    bodies.add(base + "/requestBody");
                }
                for (String status : operation.getValue().get("responses").propertyNames()) {
                    bodies.add(base + "/responses/" + status);
                }
                for (String body : bodies) {
                    JsonNode content = description.at(body + "/content");
                    if (content.isMissingNode() || content.isEmpty()) {
                        if (!body.endsWith("/304")) {
                            problems.add(body + ": no content");
                        }
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> media : content.properties()) {
                        String at = body + "/content/" + escape(media.getKey());
                        if (!media.getValue().has("schema")) {
                            problems.add(at + ": no schema");
                            continue;
                        }
                        List<JsonNode> values = new ArrayList<>();
                        if (media.getValue().has("example")) {
                            values.add(media.getValue().get("example"));
                        }
                        media.getValue().path("examples").forEach(example -> values.add(example.get("value")));
                        if (values.isEmpty()) {
                            problems.add(at + ": no example");
                        }
                        if (!media.getKey().endsWith("json")) {
                            continue;
                        }
                        Schema schema = schemas.getSchema(SchemaLocation.of(DOC + "#" + at + "/schema"));
                        for (JsonNode value : values) {
                            examples++;
                            List<Error> errors = schema.validate(value);
                            if (!errors.isEmpty()) {
                                problems.add(at + ": example " + value + " is invalid: " + errors);
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(examples).isGreaterThan(10);
    }

    private void check(List<String> problems, String method, String pathAndQuery, String body, String contentType,
            int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, pathAndQuery, body, contentType);
        String label = method + " " + pathAndQuery + " -> " + response.statusCode();
        if (response.statusCode() != expectedStatus) {
            problems.add(label + ": expected " + expectedStatus + ", body " + response.body());
            return;
        }
        String path = pathAndQuery.replaceAll("\\?.*", "");
        exercised.add(method + " " + path);
        JsonNode operation = description.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            problems.add(label + ": the operation is not documented");
            return;
        }
        String status = String.valueOf(response.statusCode());
        JsonNode documented = operation.path("responses").path(status);
        if (documented.isMissingNode()) {
            problems.add(label + ": status " + status + " is not documented");
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").trim();
        JsonNode content = documented.path("content");
        String mediaType = null;
        for (Iterator<String> it = content.propertyNames().iterator(); it.hasNext();) {
            String candidate = it.next();
            if (candidate.equals(type) || candidate.equals("*/*")) {
                mediaType = candidate;
            }
        }
        if (mediaType == null) {
            problems.add(label + ": content type " + type + " is not documented (documented: " + content.propertyNames() + ")");
            return;
        }
        if (!type.endsWith("json")) {
            return;
        }
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status
                + "/content/" + escape(mediaType) + "/schema";
        Schema schema = schemas.getSchema(SchemaLocation.of(DOC + "#" + pointer));
        List<Error> errors = schema.validate(json.readTree(response.body()));
        if (!errors.isEmpty()) {
            problems.add(label + ": " + errors + " in " + response.body());
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
