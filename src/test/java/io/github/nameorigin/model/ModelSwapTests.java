package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;


/**
 * Swaps under load: every request finishes on the model it started with and names it, and every
 * replaced model is closed exactly once, after its last request.
 */
class ModelSwapTests {

    /** A model that knows whether it is closed and fails any use after that. */
    private static final class Tracked implements ServingModel {

        final String id;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final AtomicBoolean usedAfterClose = new AtomicBoolean();

        Tracked(String id) {
            this.id = id;
        }

        @Override
        public List<String> origins() {
            return List.of(id);
        }

        @Override
        public boolean isUsable(String name) {
            return true;
        }

        @Override
        public float[][] predict(List<String> names) {
            if (closes.get() > 0) {
                usedAfterClose.set(true);
            }
            inFlight.incrementAndGet();
            try {
                Thread.onSpinWait();
                if (closes.get() > 0) {
                    usedAfterClose.set(true);
                }
                return new float[][] {{1f}};
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public CheckpointMetadata metadata() {
            return org.mockito.Mockito.mock(CheckpointMetadata.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        }

        @Override
        public EvaluationReport evaluation() {
            return null;
        }

        @Override
        public TrainingHistory history() {
            return null;
        }

        @Override
        public void close() {
            if (inFlight.get() > 0) {
                usedAfterClose.set(true);
            }
            closes.incrementAndGet();
        }
    }

    @Test
    void requestsFinishOnTheirModelAndReplacedModelsCloseOnceAfterTheirLastRequest() throws Exception {
        ModelRegistry registry = new ModelRegistry();
        List<Tracked> models = new ArrayList<>();
        Tracked first = new Tracked("v0");
        models.add(first);
        registry.install(first, first.id);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mismatches = new AtomicInteger();
        AtomicInteger answers = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(clients.submit(() -> {
                while (running.get()) {
                    String answer = registry.withVersionedClassifier((c, version) -> {
                        c.predict(List.of("x"));
                        return c.origins().get(0).equals(version) ? version : null;
                    });
                    if (answer == null) {
                        mismatches.incrementAndGet();
                    }
                    answers.incrementAndGet();
                }
            }));
        }
        for (int i = 1; i <= 200; i++) {
            Tracked next = new Tracked("v" + i);
            models.add(next);
            registry.install(next, next.id);
        }
        running.set(false);
        for (Future<?> future : futures) {
            future.get(10, TimeUnit.SECONDS);
        }
        clients.shutdown();
        registry.close();

        assertThat(answers.get()).isPositive();
        assertThat(mismatches.get()).isZero();
        assertThat(registry.swaps()).isEqualTo(200);
        assertThat(models).allSatisfy(model -> {
            assertThat(model.closes.get()).as(model.id + " closed once").isEqualTo(1);
            assertThat(model.usedAfterClose.get()).as(model.id + " used after close").isFalse();
        });
    }
}
