package io.github.nameorigin.container;

import java.time.Duration;

/**
 * Retries an assertion until it passes or time runs out (for what Prometheus sees only after a
 * scrape or two).
 */
final class Eventually {

    private Eventually() {
    }

    /**
     * Runs the assertion every {@code every} until it passes; rethrows its last failure after
     * {@code within}.
     *
     * @param within    how long to keep trying
     * @param every     pause between tries
     * @param assertion throws while the condition does not hold yet
     */
    static void assertWithin(Duration within, Duration every, Runnable assertion) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
