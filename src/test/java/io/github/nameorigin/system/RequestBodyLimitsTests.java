package io.github.nameorigin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies cannot take the service's threads or memory: slow bodies hold no request thread,
 * bodies over the limit are refused with 413 before (or while) they arrive, and a body that never
 * completes is answered 408. Over raw sockets against the running service with four request
 * threads ({@link HardenedApp}).
 */
@HardenedApp
class RequestBodyLimitsTests {

    private static final String GOOD = "{\"name\":\"Nakamura\",\"top\":3}";

    @LocalServerPort
    int port;

    @Autowired
    ModelRegistry registry;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void modelReady() {
        await().atMost(Duration.ofMinutes(2)).until(() -> registry.state() == ModelState.READY);
    }

    @Test
    void slowBodiesDoNotStarveOtherClients() throws IOException {
        List<Socket> slow = new ArrayList<>();
        try {
            // three times as many slow clients as request threads, each stalled inside its body
            for (int i = 0; i < 12; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(15_000);
                write(socket, "POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"name\":\"Sm");
                slow.add(socket);
            }

            RawHttp.Exchange good = post(GOOD);

            assertThat(good.timedOut()).as("a normal request was not answered while slow clients were sending").isFalse();
            assertThat(good.responses()).singleElement().extracting(RawHttp.Response::status).isEqualTo(200);
            for (Socket socket : slow) {
                assertThat(socket.getInputStream().available()).as("slow clients are still being waited for").isZero();
            }
            // and each slow client is answered 408 once the body timeout passes
            for (Socket socket : slow) {
                RawHttp.Response timeout = RawHttp.parse(readAll(socket), false).get(0);
                assertThat(timeout.status()).isEqualTo(408);
                assertProblem(timeout, 408, "did not arrive within 5 s");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void bodyAnnouncedOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
        for (String expect : List.of("", "Expect: 100-continue\r\n")) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                // 10 GB announced, nothing sent: only an answer that does not read the body can come back
                write(socket, "POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + expect
                        + "Content-Length: 10000000000\r\n\r\n");
                RawHttp.Response response = firstResponse(socket);
                assertProblem(response, 413, "larger than 262144 bytes");
                assertThat(response.header("connection")).isEqualTo("close");
            }
        }
    }

    @Test
    void chunkedBodyIsRefusedOnceItPassesTheLimit() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            write(socket, "POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(65_536);
            // 320 KB and no last chunk: only a guard that counts while reading can answer
            for (int i = 0; i < 5; i++) {
                write(socket, Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            assertProblem(firstResponse(socket), 413, "larger than 262144 bytes");
        }
    }

    @Test
    void bodiesUnderTheLimitAreServedWhetherChunkedOrNot() throws IOException {
        StringBuilder names = new StringBuilder("{\"names\":[");
        for (int i = 0; i < 1000; i++) {
            names.append(i == 0 ? "" : ",").append("\"Nakamura\"");
        }
        String thousand = names.append("]}").toString();
        assertThat(post(thousand).responses().get(0).status()).isEqualTo(200);
        String request = "POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(GOOD.length()) + "\r\n" + GOOD + "\r\n0\r\n\r\n";
        RawHttp.Response chunked = RawHttp.exchange(port, request.getBytes(StandardCharsets.UTF_8), 10_000, false)
                .responses().get(0);
        assertThat(chunked.status()).isEqualTo(200);
        assertThat(json.readTree(chunked.body()).get("name").asString()).isEqualTo("Nakamura");
    }

    private void assertProblem(RawHttp.Response response, int status, String detail) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).contains(detail);
    }

    private RawHttp.Exchange post(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + bytes.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
        System.arraycopy(bytes, 0, request, head.length(), bytes.length);
        return RawHttp.exchange(port, request, 10_000, false);
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads until the first response is complete, without closing the sending side. */
    private static RawHttp.Response firstResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder received = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (true) {
            int n = in.read(buffer);
            if (n > 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            List<RawHttp.Response> responses = RawHttp.parse(received.toString(), false);
            if (!responses.isEmpty() && (n < 0 || complete(received.toString(), responses.get(0)))) {
                return responses.get(0);
            }
            assertThat(n).as("the connection closed without an answer").isNotNegative();
        }
    }

    private static boolean complete(String raw, RawHttp.Response response) {
        String length = response.header("content-length");
        return length != null ? response.body().getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length)
                : raw.endsWith("\r\n0\r\n\r\n");
    }

    private static String readAll(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
