package io.github.nameorigin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standing adversarial suite: every request of {@code adversarial/requests.txt} (malformed and
 * hostile JSON, encodings, content types, methods, paths, framing, sizes and headers) is written
 * on a raw socket to the running service. None may be answered 5xx, left without an answer, show
 * server internals, or get an error without a problem-detail body; a good request sent after
 * every tenth must get the same answer as before the first.
 */
@HardenedApp
class AdversarialRequestsTests {

    private static final byte[] GOOD = ("POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 27\r\n\r\n{\"name\":\"Nakamura\",\"top\":3}").getBytes(StandardCharsets.US_ASCII);

    /** Text that only a leaked stack trace, exception or server page would contain. */
    private static final List<String> INTERNALS = List.of("exception", "\tat ", "tools.jackson", "org.apache",
            "org.springframework", "<html", "tomcat/");

    /**
     * 5xx statuses that say the request uses something HTTP lets a server decline, not that the
     * service failed: 501 for a transfer coding or method Tomcat does not implement (RFC 9112
     * section 6.1 asks for it), 505 for an HTTP version it does not serve.
     */
    private static final Set<Integer> DECLINED = Set.of(501, 505);

    /**
     * Requests whose answer cannot be an HTTP/1.1 response with headers: Tomcat answers HTTP/0.9
     * with a bare body (that version has no status line), closes on an HTTP/2 preface (the client
     * cannot read HTTP/1.1), and answers {@code OPTIONS *} itself with headers only (no body to sniff).
     */
    private static final Map<String, String> NOT_HTTP_11 = Map.of(
            "framing HTTP/0.9", "a bare problem detail",
            "framing HTTP/2 preface", "nothing",
            "path asterisk", "Allow only");

    @LocalServerPort
    int port;

    @Autowired
    ModelRegistry registry;

    private final JsonMapper json = JsonMapper.builder().build();

    record Entry(String name, byte[] request) {
    }

    @Test
    void noHostileRequestGetsA5xxAHangAStackTraceOrAnEmptyError() throws IOException {
        await().atMost(Duration.ofMinutes(2)).until(() -> registry.state() == ModelState.READY);
        List<Entry> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        String expected = goodAnswer();
        assertThat(expected).contains("\"name\":\"Nakamura\"");

        List<String> failures = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < corpus.size(); i++) {
            Entry entry = corpus.get(i);
            boolean head = new String(entry.request(), 0, Math.min(5, entry.request().length), StandardCharsets.US_ASCII)
                    .startsWith("HEAD ");
            RawHttp.Exchange exchange = RawHttp.exchange(port, entry.request(), 15_000, head);
            check(entry.name(), exchange, head, failures);
            answered += exchange.responses().isEmpty() ? 0 : 1;
            if (i % 10 == 9 && !goodAnswer().equals(expected)) {
                failures.add(entry.name() + ": the good request sent after it got another answer");
            }
        }
        assertThat(failures).as("%d requests, %d answered", corpus.size(), answered).isEmpty();
    }

    private void check(String name, RawHttp.Exchange exchange, boolean head, List<String> failures) {
        if (exchange.timedOut()) {
            failures.add(name + ": no answer within 15 s");
            return;
        }
        if (NOT_HTTP_11.containsKey(name)) {
            checkNotHttp11(name, exchange, failures);
            return;
        }
        if (exchange.responses().isEmpty()) {
            failures.add(name + ": connection closed without an answer: " + abbreviate(exchange.raw()));
            return;
        }
        String lower = exchange.raw().toLowerCase(Locale.ROOT);
        // the page at / is HTML by design; only an error may not be
        boolean page = exchange.responses().stream().allMatch(r -> r.status() == 200)
                && lower.contains("content-type: text/html");
        for (String internal : INTERNALS) {
            if (lower.contains(internal) && !(page && internal.equals("<html"))) {
                failures.add(name + ": shows '" + internal.strip() + "': " + abbreviate(exchange.raw()));
            }
        }
        for (RawHttp.Response response : exchange.responses()) {
            if (response.status() >= 500 && !DECLINED.contains(response.status())) {
                failures.add(name + ": answered " + response.status());
            }
            if (!"nosniff".equals(response.header("x-content-type-options"))) {
                failures.add(name + ": no X-Content-Type-Options: nosniff on " + response.status());
            }
            if (response.status() >= 400) {
                if (!"no-store".equals(response.header("cache-control"))) {
                    failures.add(name + ": error " + response.status() + " without Cache-Control: no-store");
                }
                if (!head) {
                    checkProblem(name, response, failures);
                }
            }
        }
    }

    private void checkNotHttp11(String name, RawHttp.Exchange exchange, List<String> failures) {
        String raw = exchange.raw();
        boolean expected = switch (NOT_HTTP_11.get(name)) {
            case "a bare problem detail" -> raw.startsWith("{") && json.readTree(raw).path("status").asInt() == 404;
            case "nothing" -> raw.isEmpty();
            default -> exchange.responses().size() == 1 && exchange.responses().get(0).status() == 200
                    && exchange.responses().get(0).body().isEmpty();
        };
        if (!expected) {
            failures.add(name + ": expected " + NOT_HTTP_11.get(name) + ", got " + abbreviate(raw));
        }
    }

    private void checkProblem(String name, RawHttp.Response response, List<String> failures) {
        String type = response.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(name + ": error " + response.status() + " typed " + type + ": " + abbreviate(response.body()));
            return;
        }
        try {
            JsonNode problem = json.readTree(response.body());
            if (problem.path("status").asInt() != response.status() || problem.path("title").asString("").isBlank()
                    || problem.path("detail").asString("").isBlank()) {
                failures.add(name + ": incomplete problem detail: " + abbreviate(response.body()));
            }
        } catch (RuntimeException notJson) {
            failures.add(name + ": error body is not JSON: " + abbreviate(response.body()));
        }
    }

    private String goodAnswer() throws IOException {
        RawHttp.Exchange exchange = RawHttp.exchange(port, GOOD, 15_000, false);
        return exchange.responses().isEmpty() ? "(none)" : exchange.responses().get(0).status() + " "
                + exchange.responses().get(0).body();
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    /** The corpus, its escapes decoded (see the file's header). */
    static List<Entry> corpus() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = AdversarialRequestsTests.class.getResourceAsStream("/adversarial/requests.txt")) {
            assertThat(in).as("adversarial/requests.txt").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                entries.add(new Entry(line.substring(0, bar), withLength(decode(line.substring(bar + 1)))));
            }
        }
        return entries;
    }

    private static final String LENGTH = "{len}";

    /** Decodes the escapes and {@code {rep:N:UNIT}}; {@code {len}} is left for {@link #withLength}. */
    static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char next = text.charAt(++i);
                switch (next) {
                    case 'r' -> out.append('\r');
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'x' -> {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    default -> out.append(next);
                }
            } else if (text.startsWith("{rep:", i)) {
                int colon = text.indexOf(':', i + 5);
                int end = text.indexOf('}', colon);
                String unit = decode(text.substring(colon + 1, end));
                out.append(unit.repeat(Integer.parseInt(text.substring(i + 5, colon))));
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The request's bytes (one char, one byte), with {@code {len}} replaced by its body's length. */
    static byte[] withLength(String request) {
        int marker = request.indexOf(LENGTH);
        if (marker >= 0) {
            int bodyStart = request.indexOf("\r\n\r\n", marker) + 4;
            request = request.substring(0, marker) + (request.length() - bodyStart) + request.substring(marker + LENGTH.length());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(request.length());
        for (int i = 0; i < request.length(); i++) {
            bytes.write(request.charAt(i));
        }
        return bytes.toByteArray();
    }
}
