package io.github.nameorigin.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

/**
 * The image built from the Dockerfile, run as users run it: it becomes ready on the bundled
 * checkpoint, answers predictions, rejects bad input with problem details, runs as a non-root user
 * without extracting anything at start, and its HEALTHCHECK reports it healthy.
 */
@Testcontainers(disabledWithoutDocker = true)
class ServiceImageIT {

    private static final Logger log = LoggerFactory.getLogger(ServiceImageIT.class);

    private static GenericContainer<?> app;

    private static String url;

    @BeforeAll
    static void start() {
        app = ServiceImage.container(Duration.ofMinutes(2));
        long startNanos = System.nanoTime();
        app.start();
        log.info("Container ready {} s after start", ServiceImage.seconds(startNanos));
        url = ServiceImage.baseUrl(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @ParameterizedTest
    @CsvSource({ "Nakamura, Japanese", "Schmidt, German", "Nguyen, Vietnamese", "Dostoevsky, Russian" })
    void predictsTheOriginOfWellKnownNames(String name, String origin) {
        Http.Response response = Http.postJson(url + "/predict", Http.json(Map.of("name", name, "top", 3)));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("name").asString()).isEqualTo(name);
        JsonNode predictions = response.body().path("predictions");
        assertThat(predictions.size()).isEqualTo(3);
        assertThat(predictions.get(0).path("origin").asString()).as(response.text()).isEqualTo(origin);
        double first = predictions.get(0).path("probability").asDouble();
        double last = predictions.get(2).path("probability").asDouble();
        assertThat(first).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(last);
    }

    @Test
    void predictsABatchInOrder() {
        List<String> names = List.of("Nakamura", "Schmidt", "Nguyen", "Dostoevsky");

        Http.Response response = Http.postJson(url + "/predict", Http.json(Map.of("names", names)));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode results = response.body().path("results");
        assertThat(results.size()).isEqualTo(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(results.get(i).path("name").asString()).isEqualTo(names.get(i));
            assertThat(results.get(i).path("predictions").size()).isPositive();
        }
    }

    @Test
    void rejectsAnEmptyNameWithProblemDetails() {
        assertBadRequest(Http.postJson(url + "/predict", Http.json(Map.of("name", ""))));
    }

    @Test
    void rejectsMalformedJsonWithProblemDetails() {
        assertBadRequest(Http.postJson(url + "/predict", "{\"name\": "));
    }

    @Test
    void servesThePageTheApiDescriptionAndSwaggerUiFromThePackagedJar() {
        Http.Response page = Http.get(url + "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<label for=\"names\"");
        Http.Response docs = Http.get(url + "/v3/api-docs");
        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        assertThat(docs.body().path("openapi").asString()).startsWith("3.1");
        assertThat(Http.get(url + "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void answersAGetWithAPredictionSet() {
        Http.Response response = Http.get(url + "/predict?name=Nakamura&coverage=0.9");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("set").get(0).asString()).isEqualTo("Japanese");
    }

    @Test
    void reportsTheModelReady() {
        Http.Response status = Http.get(url + "/training/status");

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("state").asString()).isEqualTo("READY");
        assertThat(Http.get(url + "/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void runsAsANonRootUserWithTheNativesBakedIn() throws Exception {
        ExecResult uid = app.execInContainer("id", "-u");

        assertThat(uid.getStdout().strip()).isNotEqualTo("0");
        // DJL logs "Extracting ... to cache" when it has to unpack the PyTorch natives
        assertThat(app.getLogs()).doesNotContain("Extracting").doesNotContain("Downloading");
    }

    @Test
    void reportsHealthyToDocker() {
        // the image's HEALTHCHECK probes readiness every 5 s
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                app.getCurrentContainerInfo().getState().getHealth().getStatus()).isEqualTo("healthy"));
    }

    private static void assertBadRequest(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(400);
    }
}
