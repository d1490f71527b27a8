package io.github.nameorigin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat rejects before any servlet runs (a malformed URL, an invalid or over-long header,
 * a missing Host, an unknown HTTP version) get a problem detail, not Tomcat's HTML page. Starts the
 * real embedded Tomcat with only the web configuration (no model is loaded) and writes
 * the requests on a raw socket, since HTTP clients refuse to send a malformed request line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ProblemDetailsErrorReportValveTests.WebOnly.class)
class ProblemDetailsErrorReportValveTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class})
    @Import({ProblemDetailsErrorController.class, ProblemDetailsErrorReportCustomizer.class})
    static class WebOnly {
    }

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Requests Tomcat's parser rejects with 400, each written as it goes on the wire. */
    static Stream<Arguments> unparseableRequests() {
        String headers = "Host: localhost\r\nConnection: close\r\n\r\n";
        return Stream.of(
                Arguments.of("truncated escape", "GET /predict% HTTP/1.1\r\n" + headers),
                Arguments.of("bad hex escape", "GET /%zz HTTP/1.1\r\n" + headers),
                Arguments.of("lone percent", "GET /% HTTP/1.1\r\n" + headers),
                Arguments.of("encoded slash", "GET /a%2Fb HTTP/1.1\r\n" + headers),
                Arguments.of("above the root", "GET /../predict HTTP/1.1\r\n" + headers),
                Arguments.of("invalid target character", "GET /a{b HTTP/1.1\r\n" + headers),
                Arguments.of("invalid header line", "POST /predict HTTP/1.1\r\nBad Header: x\r\n" + headers),
                Arguments.of("over-long header", "POST /predict HTTP/1.1\r\nX-Long: " + "a".repeat(9_000) + "\r\n" + headers),
                Arguments.of("missing Host", "POST /predict HTTP/1.1\r\nConnection: close\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unparseableRequests")
    void requestRejectedByTomcatIsAProblemDetail(String name, String request) throws IOException {
        RawResponse response = send(request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("title").asString()).isEqualTo("Bad Request");
        assertThat(body.get("detail").asString()).isEqualTo(ProblemDetailsErrorReportValve.UNPARSEABLE_REQUEST);
        assertNoServerInternals(response);
    }

    @Test
    void unsupportedHttpVersionIsAProblemDetail() throws IOException {
        RawResponse response = send("GET /predict HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(505);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(505);
        assertThat(body.get("detail").asString()).contains("use HTTP/1.1");
        assertNoServerInternals(response);
    }

    private static void assertNoServerInternals(RawResponse response) {
        assertThat(response.raw()).doesNotContainIgnoringCase("<html").doesNotContainIgnoringCase("tomcat")
                .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("RFC 9112");
    }

    private RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawResponse.parse(socket.getInputStream());
        }
    }

    /** A response read until the server closes the connection (these answers are never chunked). */
    private record RawResponse(int status, Map<String, String> headers, String body, String raw) {

        static RawResponse parse(InputStream in) throws IOException {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            assertThat(end).as("end of the response head in: %s", raw).isPositive();
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            String body = raw.substring(end + 4);
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, body, raw);
        }
    }
}
