package io.github.nameorigin.prediction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.prediction.BatchQueue.Chunk;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Runs the names of concurrent requests through the model together. Requests queue their names
 * in chunks of at most {@code maxBatchSize}; worker threads take the oldest chunk, wait up to
 * {@code maxDelay} after it was queued for more to join, and make one inference call for the lot.
 * Beyond {@code queueCapacity} waiting names a request is refused with a 503, not left to wait.
 * With batching disabled, inference runs on the request thread.
 *
 * <p>Every queued chunk is completed, normally or exceptionally: by its batch, or at shutdown, so
 * no request waits forever. It stops after the web server (lower phase), so requests still in
 * flight during a graceful shutdown get their answers.
 */
@Component
class DynamicBatcher implements SmartLifecycle {

    /** One inference call over a run of names. */
    @FunctionalInterface
    interface Inference {
        Scores run(List<String> names);
    }

    private static final Logger log = LoggerFactory.getLogger(DynamicBatcher.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final String SHUTTING_DOWN = "The service is shutting down; retry on another instance.";

    private final NameOriginProperties.Batching config;
    private final Inference inference;
    private final BatchQueue queue;
    private final BatcherMetrics metrics;
    private final Object lifecycle = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    @Autowired
    DynamicBatcher(NameOriginProperties properties, ModelRegistry registry, MeterRegistry meters) {
        this(properties.batching(),
                names -> registry.withVersionedClassifier((c, version) -> new Scores(List.copyOf(c.origins()),
                        c.predict(names), c.predictionSets(), version)), meters);
    }

    DynamicBatcher(NameOriginProperties.Batching config, Inference inference, MeterRegistry meters) {
        this.config = config;
        this.inference = inference;
        this.queue = new BatchQueue(config.queueCapacity(), config.maxBatchSize(), config.maxDelay());
        this.metrics = new BatcherMetrics(meters, queue.queuedNames());
    }

    /**
     * Scores the names, batched with other requests' names when batching is enabled. Blocks until
     * the scores are in.
     *
     * @throws PredictionUnavailableException when the queue is full or the batcher is stopped
     * @throws RuntimeException               whatever the inference threw for this request's batch
     */
    Scores predict(List<String> names) {
        List<Scores> parts = new ArrayList<>();
        if (!config.enabled()) {
            for (List<String> part : split(names)) {
                parts.add(infer(part));
            }
            return Scores.concat(parts);
        }
        long now = System.nanoTime();
        List<Chunk> chunks = split(names).stream().map(part -> new Chunk(part, now, new CompletableFuture<>())).toList();
        // Under the lock so that stop() cannot slip between the running check and the offer,
        // which would leave a chunk that no worker takes.
        synchronized (lifecycle) {
            if (!running) {
                throw new PredictionUnavailableException(SHUTTING_DOWN, RETRY_AFTER);
            }
            if (!queue.offer(chunks)) {
                metrics.rejected();
                throw new PredictionUnavailableException("Too many names are waiting to be scored; retry shortly.", RETRY_AFTER);
            }
        }
        for (Chunk chunk : chunks) {
            parts.add(await(chunk.result()));
        }
        return Scores.concat(parts);
    }

    private List<List<String>> split(List<String> names) {
        List<List<String>> parts = new ArrayList<>();
        for (int from = 0; from < names.size(); from += config.maxBatchSize()) {
            parts.add(List.copyOf(names.subList(from, Math.min(names.size(), from + config.maxBatchSize()))));
        }
        return parts;
    }

    private static Scores await(CompletableFuture<Scores> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PredictionUnavailableException("The request was interrupted; retry.", RETRY_AFTER);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Batch inference failed", e.getCause());
        }
    }

    private Scores infer(List<String> names) {
        metrics.batchSize(names.size());
        Scores scores = metrics.timeInference(() -> inference.run(names));
        if (scores.size() != names.size()) {
            throw new IllegalStateException("Inference returned " + scores.size() + " rows for " + names.size() + " names");
        }
        return scores;
    }

    /** A worker: runs batches until stopped and the queue is drained. */
    private void work() {
        while (running || !queue.isEmpty()) {
            try {
                List<Chunk> batch = queue.nextBatch(100, TimeUnit.MILLISECONDS);
                if (!batch.isEmpty()) {
                    run(batch);
                }
            } catch (InterruptedException e) {
                // Workers are not stopped by interruption (they drain, then see running == false).
                Thread.interrupted();
            }
        }
    }

    private void run(List<Chunk> batch) {
        long now = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (Chunk chunk : batch) {
            metrics.queued(now - chunk.queuedAt());
            names.addAll(chunk.names());
        }
        try {
            Scores scores = infer(names);
            int offset = 0;
            for (Chunk chunk : batch) {
                chunk.result().complete(scores.slice(offset, chunk.names().size()));
                offset += chunk.names().size();
            }
            log.debug("Scored {} names from {} chunks", names.size(), batch.size());
        } catch (Throwable failure) {
            // Every waiting request gets the failure; the worker lives on for the next batch.
            batch.forEach(chunk -> chunk.result().completeExceptionally(failure));
        }
    }

    /** Names waiting in the queue, not yet taken by a worker. */
    int queuedNames() {
        return queue.queuedNames().get();
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running || !config.enabled()) {
                return;
            }
            running = true;
            for (int i = 1; i <= config.workers(); i++) {
                Thread worker = new Thread(this::work, "predict-batch-" + i);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        }
        log.info("Dynamic batching: up to {} names per call, {} max delay, {} workers",
                config.maxBatchSize(), config.maxDelay(), config.workers());
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
        }
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
        // Only if a worker is stuck past the join timeout: fail what is left rather than hang it.
        queue.drain().forEach(chunk -> chunk.result().completeExceptionally(
                new PredictionUnavailableException(SHUTTING_DOWN, RETRY_AFTER)));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server, whose lifecycles use phases just below the default. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
