package io.github.nameorigin.container;

import java.io.UncheckedIOException;
import java.time.Duration;

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
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (true) {
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("The service's container stopped before it was ready");
            }
            try {
                if (Http.get(url + "/actuator/health/readiness").status() == 200) {
                    return;
                }
                Http.Response status = Http.get(url + "/training/status");
                if ("FAILED".equals(status.body().path("state").asString())) {
                    throw new ContainerLaunchException("The service has no model to serve: " + status.text());
                }
            } catch (UncheckedIOException notListeningYet) {
                // the port is not open yet
            }
            if (System.nanoTime() > deadline) {
                throw new ContainerLaunchException("The service was not ready within " + startupTimeout);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("Interrupted while waiting for the service", e);
            }
        }
    }
}
