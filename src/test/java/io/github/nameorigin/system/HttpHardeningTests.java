package io.github.nameorigin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers issue 17 found wrong: 500s, empty error bodies, mislabelled successes, missing
 * headers, and JSON that was accepted or described misleadingly. Against the running service.
 */
@HardenedApp
class HttpHardeningTests {

    @LocalServerPort
    int port;

    @Autowired
    ModelRegistry registry;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void modelReady() {
        await().atMost(Duration.ofMinutes(2)).until(() -> registry.state() == ModelState.READY);
    }

    @ParameterizedTest
    @CsvSource({"GET", "POST", "TRACE"})
    void theErrorPathRequestedDirectlyIsNotFound(String method) throws IOException {
        RawHttp.Response response = send(method + " /error HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertProblem(response, 404, "No resource");
    }

    @Test
    void multipartWithoutBoundaryIsAnUnsupportedContentType() throws IOException {
        RawHttp.Response response = post("multipart/form-data", "", "{\"name\":\"Smith\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 415, "'multipart/form-data' is not supported");
    }

    @Test
    void traceListsOnlyThePathsMethodsAndEchoesNothing() throws IOException {
        RawHttp.Response response = send("TRACE /predict HTTP/1.1\r\nHost: localhost\r\nX-Secret: s3cr3t\r\n\r\n");
        assertProblem(response, 405, "TRACE");
        assertThat(response.header("allow").split(",\\s*")).containsExactlyInAnyOrder("GET", "POST");
        assertThat(response.body()).doesNotContain("s3cr3t").doesNotContain("TRACE /predict");
        assertThat(send("TRACE /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n").header("allow")).isEqualTo("GET");
    }

    @Test
    void aPredictionIsNeverLabelledAProblem() throws IOException {
        RawHttp.Response problemOnly = post("application/json", "Accept: application/problem+json\r\n", good());
        assertProblem(problemOnly, 406, "application/json");

        RawHttp.Response both = post("application/json", "Accept: application/problem+json, application/json\r\n", good());
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.header("content-type")).isEqualTo("application/json");
    }

    @Test
    void anUnparseableAcceptHeaderIsReadAsAbsent() throws IOException {
        RawHttp.Response prediction = post("application/json", "Accept: bogus\r\n", good());
        assertThat(prediction.status()).isEqualTo(200);
        assertThat(json.readTree(prediction.body()).get("name").asString()).isEqualTo("Nakamura");

        RawHttp.Response error = post("application/json", "Accept: bogus\r\n", "{\"name\":5}".getBytes(StandardCharsets.UTF_8));
        assertProblem(error, 400, "'name' must be a JSON string");
    }

    @Test
    void anUnknownHealthGroupIsAProblemDetail() throws IOException {
        assertProblem(send("GET /actuator/health/bogus HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404, "No resource");
        RawHttp.Response bogusAccept = send("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nAccept: bogus\r\n\r\n");
        assertThat(bogusAccept.body()).isNotEmpty();
    }

    @Test
    void everyAnswerSaysNosniffAndNoStore() throws IOException {
        for (RawHttp.Response response : new RawHttp.Response[] {
                post("application/json", "", good()),
                post("application/json", "", "{".getBytes(StandardCharsets.UTF_8)),
                send("GET /training/status HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                send("GET /nothing HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                send("GET /predict% HTTP/1.1\r\nHost: localhost\r\n\r\n")}) {
            assertThat(response.header("x-content-type-options")).as(response.head()).isEqualTo("nosniff");
            assertThat(response.header("cache-control")).as(response.head()).isEqualTo("no-store");
        }
    }

    @Test
    void infoDoesNotShowTheJvmBuild() throws IOException {
        RawHttp.Response info = send("GET /actuator/info HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(info.status()).isEqualTo(200);
        assertThat(json.readTree(info.body()).has("java")).isFalse();
        assertThat(info.body()).doesNotContain(System.getProperty("java.runtime.version"));
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        assertProblem(postJson("{\"name\":\"Smith\",\"name\":\"Nakamura\"}"), 400, "'name' appears more than once");
        assertProblem(postJson("{\"name\":\"Smith\",\"x\":{\"a\":1,\"a\":2}}"), 400, "'a' appears more than once");
    }

    @Test
    void loneSurrogateEscapesAreRefused() throws IOException {
        assertProblem(postJson("{\"name\":\"Smith\\ud800\"}"), 400, "lone surrogate");
        assertProblem(postJson("{\"names\":[\"Ito\",\"\\udc00Smith\"]}"), 400, "'names[1]' contains a lone surrogate");
    }

    @ParameterizedTest
    @CsvSource({"C0AF, overlong /", "E080AF, overlong 3-byte /", "EDA080, encoded surrogate", "F4908080, past U+10FFFF",
            "FF, invalid byte"})
    void malformedUtf8IsRefused(String hex, String what) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"Sm".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < hex.length(); i += 2) {
            body.write(Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        body.writeBytes("ith\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(post("application/json", "", body.toByteArray()), 400, "not valid UTF-8 (at byte 11)");
    }

    @Test
    void detailsSayWhatIsWrong() throws IOException {
        assertProblem(post("application/json; charset=bogus", "", good()), 415, "unknown charset");
        assertProblem(postJson("{\"name\":\"Smith\",\"top\":" + "9".repeat(10_000) + "}"), 400, "too many digits");
        assertProblem(postJson("{\"name\":\"Smith\",\"x\":" + "[".repeat(600) + "]".repeat(600) + "}"), 400,
                "nested too deeply");
        assertProblem(postJson("{\"name\":\"Smith\",\"x\":\"" + "y".repeat(300_000) + "\"}"), 413, "larger than");
    }

    private void assertProblem(RawHttp.Response response, int status, String detail) {
        assertThat(response.status()).as(response.head()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).contains(detail);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
    }

    private static byte[] good() {
        return "{\"name\":\"Nakamura\",\"top\":3}".getBytes(StandardCharsets.UTF_8);
    }

    private RawHttp.Response postJson(String body) throws IOException {
        return post("application/json", "", body.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Response post(String contentType, String headers, byte[] body) throws IOException {
        String head = "POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return only(RawHttp.exchange(port, request.toByteArray(), 10_000, false));
    }

    private RawHttp.Response send(String request) throws IOException {
        return only(RawHttp.exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 10_000, false));
    }

    private static RawHttp.Response only(RawHttp.Exchange exchange) {
        assertThat(exchange.timedOut()).as("answered in time").isFalse();
        assertThat(exchange.responses()).as(exchange.raw()).hasSize(1);
        return exchange.responses().get(0);
    }
}
