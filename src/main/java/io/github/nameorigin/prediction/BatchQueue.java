package io.github.nameorigin.prediction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The waiting room of the {@link DynamicBatcher}: chunks of names, bounded by a count of names
 * rather than of requests, handed out as batches of at most {@code maxBatchSize} names.
 */
final class BatchQueue {

    /** Names of one request (or a part of a large one) waiting for their scores. */
    record Chunk(List<String> names, long queuedAt, CompletableFuture<Scores> result) {
    }

    private final LinkedBlockingDeque<Chunk> chunks = new LinkedBlockingDeque<>();
    private final AtomicInteger queuedNames = new AtomicInteger();
    private final int capacity;
    private final int maxBatchSize;
    private final long maxDelayNanos;

    BatchQueue(int capacity, int maxBatchSize, Duration maxDelay) {
        this.capacity = capacity;
        this.maxBatchSize = maxBatchSize;
        this.maxDelayNanos = maxDelay.toNanos();
    }

    /**
     * Queues all the chunks, or none when they would overflow the capacity. Callers serialise
     * offers (the batcher holds its lifecycle lock), so check-then-add cannot overshoot.
     */
    boolean offer(List<Chunk> request) {
        int names = request.stream().mapToInt(chunk -> chunk.names().size()).sum();
        if (queuedNames.get() + names > capacity) {
            return false;
        }
        queuedNames.addAndGet(names);
        chunks.addAll(request);
        return true;
    }

    /**
     * The next batch: the oldest chunk plus whatever joins before {@code maxDelay} after it was
     * queued (a backlog is taken at once), up to {@code maxBatchSize} names.
     *
     * @return the batch, or an empty list when nothing arrived within the timeout
     */
    List<Chunk> nextBatch(long timeout, TimeUnit unit) throws InterruptedException {
        Chunk first = chunks.poll(timeout, unit);
        if (first == null) {
            return List.of();
        }
        List<Chunk> batch = new ArrayList<>(List.of(first));
        int size = first.names().size();
        long deadline = first.queuedAt() + maxDelayNanos;
        while (size < maxBatchSize) {
            long wait = deadline - System.nanoTime();
            Chunk next;
            try {
                next = wait > 0 ? chunks.poll(wait, TimeUnit.NANOSECONDS) : chunks.poll();
            } catch (InterruptedException e) {
                // Keep what was taken: those chunks must still be run, or their requests would hang.
                Thread.currentThread().interrupt();
                break;
            }
            if (next == null) {
                break;
            }
            if (size + next.names().size() > maxBatchSize) {
                chunks.offerFirst(next);
                break;
            }
            batch.add(next);
            size += next.names().size();
        }
        queuedNames.addAndGet(-size);
        return batch;
    }

    /** Removes and returns everything still queued. */
    List<Chunk> drain() {
        List<Chunk> left = new ArrayList<>();
        chunks.drainTo(left);
        queuedNames.addAndGet(-left.stream().mapToInt(chunk -> chunk.names().size()).sum());
        return left;
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** Names waiting, not yet taken into a batch. */
    AtomicInteger queuedNames() {
        return queuedNames;
    }
}
