package io.github.nameorigin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.nameorigin.NameOriginApplication;

/**
 * The management API in the whole application, on the bundled checkpoint: import, activate, roll
 * back, refuse a corrupt version while the active one keeps serving, delete; {@code /predict} and
 * the read-only endpoints untouched by the security; no key, no API.
 */
class ManagementApiTests {

    private static final String KEY = "test-management-key";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void importActivateRollBackAndRefuseACorruptVersion() throws Exception {
        try (ConfigurableApplicationContext app = start("--nameorigin.management.api-key=" + KEY)) {
            String base = base(app);
            awaitReady(base);
            HttpResponse<String> open = send(HttpRequest.newBuilder(URI.create(base + "/predict"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Nakamura\"}")));
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(open.headers().firstValue("WWW-Authenticate")).isEmpty();
            String bundled = open.headers().firstValue("X-Model-Version").orElseThrow();
            assertThat(bundled).endsWith("-bundled");
            assertThat(json.readTree(open.body()).path("model").asString()).isEqualTo(bundled);
            assertThat(send(get(base + "/training/status")).statusCode()).isEqualTo(200);
            assertThat(send(get(base + "/actuator/info")).body()).contains("\"version\":\"" + bundled + "\"");

            HttpResponse<String> anonymous = send(get(base + "/models"));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");

            byte[] archive = zip(Path.of("data/checkpoint"), null);
            HttpResponse<String> imported = send(multipart(base + "/models/import", archive));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            String copy = json.readTree(imported.body()).path("id").asString();
            assertThat(copy).endsWith("-imported");
            assertThat(imported.headers().firstValue("Location")).contains("/models/" + copy);
            assertThat(json.readTree(imported.body()).path("status").asString()).isEqualTo("CANDIDATE");

            HttpResponse<String> activated = send(keyed(base + "/models/" + copy + "/activate").POST(noBody()));
            assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
            assertThat(predictVersion(base)).isEqualTo(copy);
            JsonNode listing = json.readTree(send(keyed(base + "/models").GET()).body());
            assertThat(listing.path("active").asString()).isEqualTo(copy);
            assertThat(listing.path("models").get(0).path("status").asString()).isEqualTo("RETIRED");
            assertThat(listing.path("models").get(1).path("status").asString()).isEqualTo("ACTIVE");

            assertThat(send(keyed(base + "/models/" + bundled + "/activate").POST(noBody())).statusCode()).isEqualTo(200);
            assertThat(predictVersion(base)).isEqualTo(bundled);

            HttpResponse<String> tampered = send(multipart(base + "/models/import",
                    zip(Path.of("data/checkpoint"), "\"Japanese\"")));
            assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(400);
            assertThat(json.readTree(tampered.body()).path("detail").asString()).contains("metadata.json was changed");

            Path metadata = dir.resolve("models").resolve(copy).resolve("checkpoint/metadata.json");
            Files.writeString(metadata, Files.readString(metadata).replace("\"English\"", "\"Tmp\"")
                    .replace("\"Japanese\"", "\"English\"").replace("\"Tmp\"", "\"Japanese\""));
            HttpResponse<String> refused = send(keyed(base + "/models/" + copy + "/activate").POST(noBody()));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json.readTree(refused.body()).path("detail").asString()).contains(bundled + " keeps serving")
                    .contains("metadata.json was changed");
            assertThat(predictVersion(base)).isEqualTo(bundled);
            assertThat(json.readTree(send(keyed(base + "/models/" + copy).GET()).body()).path("status").asString())
                    .isEqualTo("FAILED");

            assertThat(send(keyed(base + "/models/" + bundled).DELETE()).statusCode()).isEqualTo(409);
            assertThat(send(keyed(base + "/models/" + copy).DELETE()).statusCode()).isEqualTo(204);
            assertThat(send(keyed(base + "/models/" + copy).GET()).statusCode()).isEqualTo(404);
            HttpResponse<String> train = send(keyed(base + "/models").POST(noBody()));
            assertThat(train.statusCode()).isEqualTo(400);
            assertThat(json.readTree(train.body()).path("detail").asString()).contains("nameorigin.data-dir");

            String metrics = send(get(base + "/actuator/prometheus")).body();
            assertThat(metrics).contains("nameorigin_model_swaps_total", "nameorigin_lifecycle_trainings_total",
                    "nameorigin_model_version{");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    send(get(base + "/actuator/prometheus")).body()).containsPattern(
                    "nameorigin_model_version\\{[^}]*version=\"" + bundled + "\"} 1\\.0"));
        }
    }

    @Test
    void withoutAKeyTheManagementApiDoesNotExist() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            String base = base(app);
            HttpResponse<String> models = send(get(base + "/models"));
            assertThat(models.statusCode()).isEqualTo(404);
            assertThat(models.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(send(keyed(base + "/models").POST(noBody())).statusCode()).isEqualTo(404);
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = {"--server.port=0", "--nameorigin.mode=load",
                "--nameorigin.checkpoint-dir=" + Path.of("data/checkpoint").toAbsolutePath(),
                "--nameorigin.models-dir=" + dir.resolve("models"), "--spring.main.banner-mode=off"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NameOriginApplication.class).run(all);
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private void awaitReady(String base) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> send(get(base + "/actuator/health/readiness")).statusCode() == 200);
    }

    private String predictVersion(String base) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/predict")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"names\":[\"Smith\",\"Rossi\"]}")))
                .headers().firstValue("X-Model-Version").orElseThrow();
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static HttpRequest.Builder keyed(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", KEY);
    }

    private static HttpRequest.BodyPublisher noBody() {
        return HttpRequest.BodyPublishers.noBody();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder multipart(String url, byte[] file) {
        String boundary = "----nameorigin-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"model.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** The checkpoint's files in one folder of a zip; with {@code dropOrigin}, that origin renamed in the metadata. */
    private static byte[] zip(Path checkpoint, String renameOrigin) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.list(checkpoint)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                zip.putNextEntry(new ZipEntry("checkpoint/" + file.getFileName()));
                byte[] content = Files.readAllBytes(file);
                if (renameOrigin != null && file.getFileName().toString().equals("metadata.json")) {
                    content = new String(content, StandardCharsets.UTF_8).replace(renameOrigin, "\"Nipponese\"")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
