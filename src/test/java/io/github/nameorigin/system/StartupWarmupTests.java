package io.github.nameorigin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.system.NameOriginProperties.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The warm-up before readiness, against a stand-in for the service's own {@code /predict}. */
class StartupWarmupTests {

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    /** The heap releases asked for, with the number of requests sent by then. */
    private final List<Integer> releases = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI predict;

    private void serve(int status, long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/predict", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        predict = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/predict");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void isDownUntilTheModelIsReadyAndItsRequestsAreSentThenUp() throws IOException {
        serve(200, 0);
        AtomicInteger polls = new AtomicInteger();
        // the model becomes READY only after a few polls: no request may go out before
        StartupWarmup warmup = new StartupWarmup(
                () -> polls.incrementAndGet() < 4 ? ModelState.LOADING : ModelState.READY,
                new Warmup(40, 3, Duration.ofSeconds(30)), () -> releases.add(bodies.size()));
        assertThat(warmup.health().getStatus()).isEqualTo(Status.DOWN);

        warmup.run(predict);

        assertThat(polls.get()).isGreaterThanOrEqualTo(4);
        assertThat(bodies).hasSize(40);
        // one collection, after the last request, before readiness turns UP
        assertThat(releases).containsExactly(40);
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails().get("warmup").toString()).startsWith("40 requests in")
                .endsWith(", 0 not answered with 200");
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> requests = bodies.stream().map(json::readTree).toList();
        // one in 16 carries a batch of 64 names, the others one name: both paths get compiled
        assertThat(requests).filteredOn(r -> r.has("names")).hasSize(40 / 16)
                .allSatisfy(r -> assertThat(r.get("names").size()).isEqualTo(64));
        assertThat(requests).filteredOn(r -> r.has("name")).hasSize(40 - 40 / 16)
                .allSatisfy(r -> assertThat(r.get("name").asString()).isNotBlank());
    }

    @Test
    void countsAnswersOtherThan200AndStillTurnsUp() throws IOException {
        serve(503, 0);
        StartupWarmup warmup = new StartupWarmup(() -> ModelState.READY, new Warmup(10, 2, Duration.ofSeconds(30)),
                () -> releases.add(bodies.size()));

        warmup.run(predict);

        assertThat(bodies).hasSize(10);
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails().get("warmup").toString()).endsWith(", 10 not answered with 200");
    }

    @Test
    void stopsAtItsTimeLimit() throws IOException {
        serve(200, 50);
        // 1,000 requests of 50 ms each, two at a time, would take 25 s
        StartupWarmup warmup = new StartupWarmup(() -> ModelState.READY, new Warmup(1000, 2, Duration.ofMillis(300)),
                () -> releases.add(bodies.size()));

        warmup.run(predict);

        assertThat(bodies.size()).isBetween(1, 999);
        assertThat(releases).hasSize(1);
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void sendsNothingWhenTheModelFailed() throws IOException {
        serve(200, 0);
        StartupWarmup warmup = new StartupWarmup(() -> ModelState.FAILED, new Warmup(10, 2, Duration.ofSeconds(30)),
                () -> releases.add(bodies.size()));

        warmup.run(predict);

        assertThat(bodies).isEmpty();
        // nothing was sent, so there is nothing to give back
        assertThat(releases).isEmpty();
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails().get("warmup")).isEqualTo("skipped: no model");
    }

    @Test
    void zeroRequestsTurnsItOff() {
        StartupWarmup warmup = new StartupWarmup(() -> ModelState.LOADING, new Warmup(0, 2, Duration.ofSeconds(30)),
                () -> releases.add(bodies.size()));

        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
    }
}
