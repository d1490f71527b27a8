package io.github.nameorigin.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker-compose.yml} as shipped: the app and Prometheus come up in order, Prometheus
 * scrapes the app with the repository's configuration, and a prediction metric can be queried
 * through Prometheus's HTTP API. Grafana stays out (its profile is not enabled; it has no local
 * image here).
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposePrometheusIT {

    private static final Logger log = LoggerFactory.getLogger(ComposePrometheusIT.class);

    private static final int PROMETHEUS_PORT = 9090;

    private static ComposeContainer compose;

    private static String app;

    private static String prometheus;

    @BeforeAll
    static void start() {
        File file = ServiceImage.projectRoot().resolve("docker-compose.yml").toFile();
        compose = new ComposeContainer(file)
                // the image built once for all tests; compose would otherwise build its own
                .withEnv(Map.of("NAMEORIGIN_IMAGE", ServiceImage.name(),
                        // random host ports: the fixed defaults may be taken on a developer machine
                        "APP_PORT", "127.0.0.1:", "PROMETHEUS_PORT", "127.0.0.1:"))
                .withPull(false)
                .withBuild(false)
                .withExposedService("app", ServiceImage.PORT, ServiceImage.readiness(Duration.ofMinutes(2)))
                .withExposedService("prometheus", PROMETHEUS_PORT,
                        Wait.forHttp("/-/ready").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(1)));
        long startNanos = System.nanoTime();
        compose.start();
        log.info("Compose services ready {} s after start", ServiceImage.seconds(startNanos));
        app = "http://" + compose.getServiceHost("app", ServiceImage.PORT) + ":"
                + compose.getServicePort("app", ServiceImage.PORT);
        prometheus = "http://" + compose.getServiceHost("prometheus", PROMETHEUS_PORT) + ":"
                + compose.getServicePort("prometheus", PROMETHEUS_PORT);
    }

    @AfterAll
    static void stop() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void prometheusScrapesTheAppAndSeesItsPredictions() {
        for (String name : new String[] { "Nakamura", "Schmidt", "Nguyen", "Dostoevsky", "Rossi" }) {
            assertThat(Http.postJson(app + "/predict", Http.json(Map.of("name", name))).status()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode targets = Http.get(prometheus + "/api/v1/targets").body().path("data").path("activeTargets");
            assertThat(targets.size()).isEqualTo(1);
            assertThat(targets.get(0).path("labels").path("job").asString()).isEqualTo("name-origin");
            assertThat(targets.get(0).path("health").asString()).as(targets.toString()).isEqualTo("up");
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode result = query("sum(nameorigin_prediction_names_total)");
            assertThat(result.size()).as("query result").isEqualTo(1);
            assertThat(result.get(0).path("value").get(1).asDouble()).isGreaterThanOrEqualTo(5.0);
        });
    }

    private static JsonNode query(String promql) {
        Http.Response response = Http.get(prometheus + "/api/v1/query?query=" + Http.encode(promql));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body().path("data").path("result");
    }
}
