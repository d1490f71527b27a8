package io.github.nameorigin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service over HTTP: trains a tiny model on the fixture in the background, reports
 * progress, becomes ready, saves a checkpoint and serves predictions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nameorigin.mode=train",
        "nameorigin.model.hidden-size=32",
        "nameorigin.model.embedding-size=16",
        "nameorigin.training.epochs=4",
        "nameorigin.training.batch-size=16",
        "nameorigin.training.learning-rate=0.01",
        "nameorigin.training.log-every=5",
        "nameorigin.training.loss-every=2"})
@AutoConfigureMetrics
class NameOriginApplicationTests {

    @TempDir
    static Path checkpoints;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("nameorigin.checkpoint-dir", () -> checkpoints.resolve("model").toString());
        registry.add("nameorigin.models-dir", () -> checkpoints.resolve("models").toString());
        // A relative path that leaves the working directory, as in the README's
        // --nameorigin.data-dir=../shared/data/names: the servlet context's resource resolution
        // refused such paths before PathPropertyConverter.
        registry.add("nameorigin.data-dir", () -> "../" + Path.of("").toAbsolutePath().getFileName()
                + "/src/test/resources/names-tiny");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void trainsInTheBackgroundThenServesPredictions() throws Exception {
        JsonNode status = awaitReady();
        assertThat(status.get("source").asString()).isEqualTo("training");
        assertThat(status.get("progress").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(status.get("progress").get("phase").asString()).isEqualTo("TRAINING");
        assertThat(status.get("lossCurve").size()).isPositive();
        assertThat(status.get("validation").get("macroF1").isNumber()).isTrue();
        assertThat(status.get("model").get("origins").size()).isEqualTo(6);
        String active = Files.readString(checkpoints.resolve("models/active")).strip();
        assertThat(active).matches("\\d{8}T\\d{6}Z-trained");
        assertThat(Files.isRegularFile(checkpoints.resolve("models").resolve(active).resolve("checkpoint/metadata.json")))
                .isTrue();
        assertThat(Files.isRegularFile(checkpoints.resolve("models").resolve(active).resolve("checkpoint/probes.json")))
                .isTrue();

        HttpResponse<String> single = post("/predict", "{\"name\": \"Yamashita\", \"top\": 3}");
        assertThat(single.statusCode()).isEqualTo(200);
        JsonNode predictions = json.readTree(single.body()).get("predictions");
        assertThat(predictions.size()).isEqualTo(3);
        assertThat(predictions.get(0).get("probability").asDouble())
                .isGreaterThanOrEqualTo(predictions.get(1).get("probability").asDouble());

        HttpResponse<String> batch = post("/predict", "{\"names\": [\"Nakamura\", \"Ivanova\", \"Rossetti\"]}");
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(batch.body()).get("results");
        assertThat(List.of(results.get(0).get("name").asString(), results.get(1).get("name").asString(),
                results.get(2).get("name").asString())).containsExactly("Nakamura", "Ivanova", "Rossetti");

        assertThat(post("/predict", "{\"name\": \"\"}").statusCode()).isEqualTo(400);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("nameorigin_training_step", "nameorigin_model_info{",
                "nameorigin_prediction_names_total");
        assertThat(metrics).containsPattern("nameorigin_training_phase\\{[^}]*phase=\"TRAINING\"} 1\\.0")
                .containsPattern("nameorigin_training_phase\\{[^}]*phase=\"REFIT\"} 0\\.0");
        assertThat(metrics).containsPattern("nameorigin_model_info\\{[^}]*refit=\"false\"");
    }

    private JsonNode awaitReady() {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(this::statusWhileTraining, status -> "READY".equals(status.get("state").asString()));
    }

    /**
     * The status; while it says TRAINING, a prediction is refused with 503 and Retry-After, unless
     * the model became ready in between.
     */
    private JsonNode statusWhileTraining() throws Exception {
        JsonNode status = json.readTree(get("/training/status").body());
        String state = status.get("state").asString();
        assertThat(state).isNotEqualTo("FAILED");
        if ("TRAINING".equals(state)) {
            HttpResponse<String> early = post("/predict", "{\"name\": \"Tanaka\"}");
            if (early.statusCode() == 200) {
                assertThat(json.readTree(get("/training/status").body()).get("state").asString()).isEqualTo("READY");
            } else {
                assertThat(early.statusCode()).isEqualTo(503);
                assertThat(early.headers().firstValue("Retry-After")).isPresent();
                assertThat(early.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
        return status;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
