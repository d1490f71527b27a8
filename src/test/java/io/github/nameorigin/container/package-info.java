/**
 * Integration tests of the container image built from the project's {@code Dockerfile}, of
 * {@code docker-compose.yml} with Prometheus, and of training inside a container.
 *
 * <p>They need a Docker engine (skipped without one) and the packaged jar, so they are {@code *IT}
 * classes run by failsafe after {@code package}. {@link io.github.nameorigin.container.ServiceImage}
 * builds the image once per test JVM and tags it {@code name-origin:it-<hash of the checkout path>}.
 */
package io.github.nameorigin.container;
