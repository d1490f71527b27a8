package io.github.nameorigin.prediction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Request-level prediction meters. Tags are low-cardinality only: the request shape and the
 * predicted origin (one of the model's fixed set), never the input name.
 */
@Component
class PredictionMetrics {

    /** Latency of a successful prediction request, validation to response, tag {@code shape}. */
    static final String LATENCY = "nameorigin.prediction.latency";
    /** Names predicted. */
    static final String NAMES = "nameorigin.prediction.names";
    /** Names by their most likely origin, tag {@code origin}. */
    static final String TOP_ORIGIN = "nameorigin.prediction.top.origin";

    private final MeterRegistry registry;
    private final Timer singleLatency;
    private final Timer batchLatency;
    private final Counter names;
    private final Map<String, Counter> byOrigin = new ConcurrentHashMap<>();

    PredictionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.singleLatency = latency(registry, "single");
        this.batchLatency = latency(registry, "batch");
        this.names = Counter.builder(NAMES).description("Names predicted").baseUnit("names").register(registry);
    }

    private static Timer latency(MeterRegistry registry, String shape) {
        return Timer.builder(LATENCY)
                .description("Latency of successful prediction requests")
                .tag("shape", shape)
                .publishPercentileHistogram()
                .register(registry);
    }

    void recordRequest(boolean single, long startNanos, int nameCount) {
        (single ? singleLatency : batchLatency).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        names.increment(nameCount);
    }

    /** Counts one name under its top origin; origins come from the model, a fixed small set. */
    void recordTopOrigin(String origin) {
        byOrigin.computeIfAbsent(origin, o -> Counter.builder(TOP_ORIGIN)
                .description("Names by their most likely origin")
                .tag("origin", o)
                .register(registry)).increment();
    }
}
