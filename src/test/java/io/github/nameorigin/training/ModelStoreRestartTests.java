package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.nameorigin.NameOriginApplication;
import io.github.nameorigin.model.ModelStore;
import io.github.nameorigin.model.ModelVersion;
import io.github.nameorigin.model.VersionStatus;

/**
 * The store across restarts of the whole application: the bundled checkpoint becomes the first
 * version, a restart serves whatever version is active, and an active version whose files were
 * edited is reported (in {@code /training/status} and the version's status), not served.
 */
class ModelStoreRestartTests {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void restartsServeTheActiveVersionAndReportOneThatNoLongerLoads() throws Exception {
        Path models = dir.resolve("models");
        ModelStore store = new ModelStore(models);
        String bundled;
        try (ConfigurableApplicationContext app = start(models)) {
            JsonNode status = awaitState(app, "READY");
            bundled = store.active().orElseThrow();
            assertThat(bundled).endsWith("-bundled");
            assertThat(status.path("loadFailure").isNull()).isTrue();
        }
        // An operator's activation of a copy, as another replica would write it.
        String copy = store.newId("imported");
        store.addCheckpoint(copy, store.checkpointDir(bundled));
        store.write(new ModelVersion(copy, java.time.Instant.now(), "imported", VersionStatus.CANDIDATE, null, null,
                null, null));
        store.setActive(copy);
        try (ConfigurableApplicationContext app = start(models)) {
            awaitState(app, "READY");
            HttpResponse<String> answer = post(app, "{\"name\":\"Nakamura\"}");
            assertThat(answer.headers().firstValue("X-Model-Version")).contains(copy);
            assertThat(json.readTree(answer.body()).path("model").asString()).isEqualTo(copy);
        }
        Path metadata = store.checkpointDir(copy).resolve("metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("\"English\"", "\"Tmp\"")
                .replace("\"Japanese\"", "\"English\"").replace("\"Tmp\"", "\"Japanese\""));
        try (ConfigurableApplicationContext app = start(models)) {
            JsonNode status = awaitState(app, "FAILED");
            assertThat(status.path("failure").asString()).contains(copy).contains("metadata.json was changed");
            assertThat(status.path("loadFailure").asString()).contains("metadata.json was changed");
            assertThat(post(app, "{\"name\":\"Nakamura\"}").statusCode()).isEqualTo(503);
        }
        assertThat(store.find(copy)).get().extracting(ModelVersion::status).isEqualTo(VersionStatus.FAILED);
        assertThat(store.list()).extracting(ModelVersion::id).containsExactly(bundled, copy);
    }

    private ConfigurableApplicationContext start(Path models) {
        return new SpringApplicationBuilder(NameOriginApplication.class).run("--server.port=0",
                "--nameorigin.mode=load", "--nameorigin.checkpoint-dir=" + Path.of("data/checkpoint").toAbsolutePath(),
                "--nameorigin.models-dir=" + models, "--spring.main.banner-mode=off");
    }

    private JsonNode awaitState(ConfigurableApplicationContext app, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = json.readTree(get(app, "/training/status").body());
            return List.of(state).contains(last[0].path("state").asString());
        });
        return last[0];
    }

    private static String url(ConfigurableApplicationContext app, String path) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(app, path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext app, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(app, "/predict")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
