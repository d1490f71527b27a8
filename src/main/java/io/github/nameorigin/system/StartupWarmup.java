package io.github.nameorigin.system;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.system.NameOriginProperties.Warmup;

/**
 * Health contributor {@code warmup}, part of the readiness group: once the model is READY, posts
 * predictions to the service's own {@code /predict} over loopback (the whole request path: Tomcat,
 * JSON, validation, metrics, the batcher, the forward pass), and turns UP when they are done. The
 * JIT then compiles that path before a load balancer sends traffic, instead of during the first
 * minute of it. Waiting for a model that trains is fine: the warm-up starts when it is READY.
 *
 * <p>The warm-up's garbage grows the heap, and G1 keeps what it committed: once the requests are
 * done, one full collection lets it hand the unused heap back to the operating system, so the
 * service does not sit idle on memory that only the warm-up needed.
 */
@Component("warmup")
class StartupWarmup implements HealthIndicator, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** Every this many requests, one carries a batch, so the batch path is compiled too. */
    private static final int BATCH_EVERY = 16;
    private static final List<String> NAMES = List.of("Nakamura", "Schmidt", "O'Brien", "Rossi", "Ivanov",
            "Nguyen", "Kowalski", "Dubois", "Papadopoulos", "Kim", "Garcia", "Novak", "Tanaka", "Müller",
            "Murphy", "Costa", "Haddad", "Zhang", "Svoboda", "Van der Berg", "MacLeod", "Abe", "Jones", "Esposito");

    private final Supplier<ModelState> modelState;
    private final Warmup settings;
    private final Runnable releaseHeap;
    private volatile boolean done;
    private volatile String outcome = "waiting for the model";

    @Autowired
    StartupWarmup(ModelRegistry registry, NameOriginProperties properties) {
        this(registry::state, properties.warmup(), System::gc);
    }

    StartupWarmup(Supplier<ModelState> modelState, Warmup settings, Runnable releaseHeap) {
        this.modelState = modelState;
        this.settings = settings;
        this.releaseHeap = releaseHeap;
        this.done = settings.requests() == 0;
    }

    @Override
    public Health health() {
        return (done ? Health.up() : Health.down()).withDetail("warmup", outcome).build();
    }

    /** Starts the warm-up once the application runs, on the port the web server took. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (done) {
            return;
        }
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            finish("skipped: no web server");
            return;
        }
        URI predict = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + web.getWebServer().getPort() + "/predict");
        Thread thread = new Thread(() -> run(predict), "startup-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits for the model, then sends the warm-up requests from a few threads at once.
     *
     * @param predict the service's own prediction endpoint
     */
    void run(URI predict) {
        try {
            while (modelState.get() != ModelState.READY) {
                if (modelState.get() == ModelState.FAILED) {
                    finish("skipped: no model");
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
            outcome = "running";
            long started = System.nanoTime();
            long deadline = started + settings.maxDuration().toNanos();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < settings.concurrency(); t++) {
                Thread sender = new Thread(() -> {
                    int i;
                    try {
                        while ((i = next.getAndIncrement()) < settings.requests() && System.nanoTime() < deadline) {
                            if (!send(client, predict, i)) {
                                failed.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "startup-warmup-" + t);
                sender.setDaemon(true);
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            int sent = Math.min(next.get(), settings.requests());
            releaseHeap.run();
            finish(String.format("%d requests in %d ms, %d not answered with 200", sent,
                    (System.nanoTime() - started) / 1_000_000, failed.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish("interrupted");
        }
    }

    private static boolean send(HttpClient client, URI predict, int i) throws InterruptedException {
        String body;
        if (i % BATCH_EVERY == BATCH_EVERY - 1) {
            StringBuilder names = new StringBuilder();
            for (int k = 0; k < 64; k++) {
                names.append(k == 0 ? "" : ",").append('"').append(NAMES.get((i + k) % NAMES.size())).append('"');
            }
            body = "{\"names\":[" + names + "],\"top\":3}";
        } else {
            body = "{\"name\":\"" + NAMES.get(i % NAMES.size()) + "\",\"top\":3}";
        }
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(predict).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void finish(String result) {
        outcome = result;
        done = true;
        log.info("Warm-up before readiness: {}", result);
    }
}
