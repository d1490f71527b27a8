package io.github.nameorigin.container;

import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until the service's readiness probe is UP, and gives up at once when the service reports
 * that it has no model ({@code FAILED}) or its container stops: a plain HTTP wait would sit out its
 * whole timeout (minutes, for a training container) before failing.
 */
final class ModelReadyWait extends AbstractWaitStrategy {

    private static final Duration POLL = Duration.ofMillis(500);

    private final int port;

    /**
     * A wait on the given container port.
     *
     * @param port the service's port inside the container
     */
    ModelReadyWait(int port) {
        this.port = port;
    }

    @Override
    protected void waitUntilReady() {
        String url = "http://" + waitStrategyTarget.getHost() + ":" + waitStrategyTarget.getMappedPort(port);
        try {
            await().atMost(startupTimeout).pollInterval(POLL)
                    // an unopened port throws until the service listens
                    .ignoreException(UncheckedIOException.class)
                    .failFast("The service's container stopped before it was ready",
                            () -> !waitStrategyTarget.isRunning())
                    .failFast("The service has no model to serve", () -> failed(url))
                    .until(() -> Http.get(url + "/actuator/health/readiness").status() == 200);
        } catch (ConditionTimeoutException e) {
            throw new ContainerLaunchException("The service was not ready within " + startupTimeout, e);
        } catch (TerminalFailureException e) {
            throw new ContainerLaunchException(e.getMessage(), e);
        }
    }

    private static boolean failed(String url) {
        try {
            return "FAILED".equals(Http.get(url + "/training/status").body().path("state").asString());
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }
}
