package io.github.nameorigin.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.nameorigin.prediction.BatchQueue.Chunk;

class BatchQueueTests {

    private static Chunk chunk(String... names) {
        return new Chunk(List.of(names), System.nanoTime(), new CompletableFuture<>());
    }

    @Test
    void backlogIsBatchedUpToTheLimitAndAChunkThatDoesNotFitWaitsForTheNextBatch() throws Exception {
        BatchQueue queue = new BatchQueue(100, 4, Duration.ZERO);
        Chunk a = chunk("A", "B");
        Chunk b = chunk("C");
        Chunk c = chunk("D", "E");
        queue.offer(List.of(a));
        queue.offer(List.of(b));
        queue.offer(List.of(c));

        assertThat(queue.nextBatch(1, TimeUnit.SECONDS)).containsExactly(a, b);
        assertThat(queue.queuedNames().get()).isEqualTo(2);
        assertThat(queue.nextBatch(1, TimeUnit.SECONDS)).containsExactly(c);
        assertThat(queue.queuedNames().get()).isZero();
        assertThat(queue.nextBatch(10, TimeUnit.MILLISECONDS)).isEmpty();
    }

    @Test
    void offerIsAllOrNothingAgainstTheCapacityInNames() {
        BatchQueue queue = new BatchQueue(3, 4, Duration.ZERO);

        assertThat(queue.offer(List.of(chunk("A", "B")))).isTrue();
        assertThat(queue.offer(List.of(chunk("C"), chunk("D")))).isFalse();
        assertThat(queue.queuedNames().get()).isEqualTo(2);
        assertThat(queue.offer(List.of(chunk("C")))).isTrue();
        assertThat(queue.drain()).hasSize(2);
        assertThat(queue.queuedNames().get()).isZero();
    }

    @Test
    void firstChunkWaitsUpToMaxDelayForOthersToJoin() throws Exception {
        BatchQueue queue = new BatchQueue(100, 8, Duration.ofMillis(300));
        Chunk first = chunk("A");
        queue.offer(List.of(first));
        Chunk late = chunk("B");
        Thread joiner = new Thread(() -> {
            sleep(50);
            queue.offer(List.of(late));
        });
        joiner.start();

        long started = System.nanoTime();
        List<Chunk> batch = queue.nextBatch(1, TimeUnit.SECONDS);

        assertThat(batch).containsExactly(first, late);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        joiner.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
