package io.github.nameorigin.prediction;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of the {@link DynamicBatcher}: how long names wait, how big the inference calls are,
 * how long they take, how full the queue is and how often it refuses work.
 */
final class BatcherMetrics {

    /** Time from queueing a chunk to a worker taking it. */
    static final String QUEUE_TIME = "nameorigin.batch.queue.time";
    /** Names per inference call. */
    static final String BATCH_SIZE = "nameorigin.batch.size";
    /** Duration of one inference call. */
    static final String INFERENCE_TIME = "nameorigin.batch.inference.time";
    /** Names waiting in the queue. */
    static final String QUEUED_NAMES = "nameorigin.batch.queue.names";
    /** Requests refused because the queue was full. */
    static final String REJECTED = "nameorigin.batch.rejected";

    private final Timer queueTime;
    private final DistributionSummary batchSize;
    private final Timer inferenceTime;
    private final Counter rejected;

    BatcherMetrics(MeterRegistry registry, AtomicInteger queuedNames) {
        queueTime = Timer.builder(QUEUE_TIME)
                .description("Time a request's names wait before a worker takes them")
                .publishPercentileHistogram()
                .register(registry);
        batchSize = DistributionSummary.builder(BATCH_SIZE)
                .description("Names per inference call")
                .baseUnit("names")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
                .register(registry);
        inferenceTime = Timer.builder(INFERENCE_TIME)
                .description("Duration of one inference call over a batch of names")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder(QUEUED_NAMES, queuedNames, AtomicInteger::get)
                .description("Names waiting to be scored")
                .baseUnit("names")
                .register(registry);
        rejected = Counter.builder(REJECTED)
                .description("Requests refused with 503 because the batching queue was full")
                .register(registry);
    }

    void queued(long nanos) {
        queueTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void batchSize(int names) {
        batchSize.record(names);
    }

    Scores timeInference(Supplier<Scores> call) {
        return inferenceTime.record(call);
    }

    void rejected() {
        rejected.increment();
    }
}
