package io.github.nameorigin.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.nameorigin.model.FakeClassifier;
import io.github.nameorigin.system.NameOriginProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicBatcherTests {

    private final FakeClassifier classifier = new FakeClassifier();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private DynamicBatcher batcher;

    @AfterEach
    void tearDown() {
        if (batcher != null) {
            batcher.stop();
        }
        clients.shutdownNow();
    }

    private DynamicBatcher start(boolean enabled, int maxBatchSize, Duration maxDelay, int capacity, int workers,
            DynamicBatcher.Inference inference) {
        var config = new NameOriginProperties.Batching(enabled, maxBatchSize, maxDelay, capacity, workers);
        batcher = new DynamicBatcher(config, inference, meters);
        batcher.start();
        return batcher;
    }

    private DynamicBatcher start(boolean enabled, int maxBatchSize, Duration maxDelay, int capacity, int workers) {
        return start(enabled, maxBatchSize, maxDelay, capacity, workers,
                names -> new Scores(classifier.origins(), classifier.predict(names)));
    }

    private static int top(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            best = probabilities[i] > probabilities[best] ? i : best;
        }
        return best;
    }

    @Test
    void concurrentRequestsCoalesceIntoOnePredictCallAndEachGetsItsOwnRows() throws Exception {
        start(true, 64, Duration.ofMillis(500), 100, 1);
        List<String> names = List.of("Nakamura", "Schmidt", "Smith", "Rossi", "Haddad");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Scores>> answers = new ArrayList<>();
        for (String name : names) {
            answers.add(clients.submit(() -> {
                go.await();
                return batcher.predict(List.of(name));
            }));
        }
        go.countDown();
        for (int i = 0; i < names.size(); i++) {
            Scores scores = answers.get(i).get(5, TimeUnit.SECONDS);
            assertThat(scores.size()).isEqualTo(1);
            assertThat(top(scores.probabilities()[0])).isEqualTo(FakeClassifier.topIndex(names.get(i)));
        }
        assertThat(classifier.calls()).hasSize(1);
        assertThat(classifier.calls().get(0)).containsExactlyInAnyOrderElementsOf(names);
        assertThat(meters.summary(BatcherMetrics.BATCH_SIZE).max()).isEqualTo(5);
        assertThat(meters.timer(BatcherMetrics.QUEUE_TIME).count()).isEqualTo(5);
        assertThat(meters.timer(BatcherMetrics.INFERENCE_TIME).count()).isEqualTo(1);
    }

    @Test
    void largeRequestIsSplitIntoChunksAndReassembledInOrder() {
        start(true, 3, Duration.ofMillis(1), 100, 2);
        List<String> names = List.of("Rossi", "Nakamura", "Smith", "Haddad", "Schmidt", "Ab", "Abc");

        Scores scores = batcher.predict(names);

        assertThat(scores.size()).isEqualTo(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(top(scores.probabilities()[i])).as(names.get(i)).isEqualTo(FakeClassifier.topIndex(names.get(i)));
        }
        assertThat(classifier.calls()).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(3));
        assertThat(classifier.calls().stream().mapToInt(List::size).sum()).isEqualTo(7);
    }

    @Test
    void fullQueueRejectsWithServiceUnavailableAndLaterRequestsStillComplete() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(true, 8, Duration.ZERO, 2, 1, names -> {
            entered.countDown();
            await(release);
            return new Scores(classifier.origins(), classifier.predict(names));
        });
        Future<Scores> inFlight = clients.submit(() -> batcher.predict(List.of("Smith")));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Scores> queued = clients.submit(() -> batcher.predict(List.of("Rossi", "Haddad")));
        waitUntil(() -> batcher.queuedNames() == 2);

        assertThatThrownBy(() -> batcher.predict(List.of("Schmidt")))
                .isInstanceOf(PredictionUnavailableException.class)
                .satisfies(e -> assertThat(((PredictionUnavailableException) e).getHeaders().getFirst("Retry-After"))
                        .isEqualTo("1"));

        release.countDown();
        assertThat(inFlight.get(5, TimeUnit.SECONDS).size()).isEqualTo(1);
        assertThat(queued.get(5, TimeUnit.SECONDS).size()).isEqualTo(2);
        assertThat(meters.counter(BatcherMetrics.REJECTED).count()).isEqualTo(1);
    }

    @Test
    void disabledBatchingPredictsOnTheCallingThreadInChunks() {
        var config = new NameOriginProperties.Batching(false, 2, Duration.ofMillis(1), 10, 1);
        batcher = new DynamicBatcher(config, names -> new Scores(classifier.origins(), classifier.predict(names)), meters);

        Scores scores = batcher.predict(List.of("Nakamura", "Schmidt", "Rossi"));

        assertThat(top(scores.probabilities()[0])).isEqualTo(0);
        assertThat(top(scores.probabilities()[1])).isEqualTo(1);
        assertThat(top(scores.probabilities()[2])).isEqualTo(3);
        assertThat(classifier.calls()).containsExactly(List.of("Nakamura", "Schmidt"), List.of("Rossi"));
        assertThat(classifier.threads()).containsOnly(Thread.currentThread().getName());
        assertThat(batcher.isRunning()).isFalse();
    }

    @Test
    void failingBatchPassesTheExceptionToEveryWaitingRequest() {
        start(true, 8, Duration.ofMillis(1), 10, 1, names -> {
            throw new IllegalStateException("native failure");
        });

        assertThatThrownBy(() -> batcher.predict(List.of("Smith", "Rossi")))
                .isInstanceOf(IllegalStateException.class).hasMessage("native failure");
        // the worker survives the failure
        assertThatThrownBy(() -> batcher.predict(List.of("Smith"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stoppedBatcherRefusesNewRequestsAndDrainsQueuedOnes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(true, 1, Duration.ZERO, 10, 1, names -> {
            await(release);
            return new Scores(classifier.origins(), classifier.predict(names));
        });
        Future<Scores> first = clients.submit(() -> batcher.predict(List.of("Smith")));
        Future<Scores> second = clients.submit(() -> batcher.predict(List.of("Rossi")));
        waitUntil(() -> batcher.queuedNames() == 1);
        Future<?> stopping = clients.submit((Runnable) batcher::stop);
        waitUntil(() -> !batcher.isRunning());

        assertThatThrownBy(() -> batcher.predict(List.of("Haddad"))).isInstanceOf(PredictionUnavailableException.class);
        release.countDown();
        stopping.get(5, TimeUnit.SECONDS);
        assertThat(first.get(5, TimeUnit.SECONDS).size()).isEqualTo(1);
        assertThat(second.get(5, TimeUnit.SECONDS).size()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(condition);
    }
}
