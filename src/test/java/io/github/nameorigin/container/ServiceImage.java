package io.github.nameorigin.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The service image, built once per test JVM from the project's {@code Dockerfile} and the jar that
 * {@code package} just wrote.
 *
 * <p>The build context holds only what the Dockerfile copies (the files {@code .dockerignore} lets
 * through), laid out as in the repository, so the Dockerfile's defaults apply unchanged. The jar is
 * taken from this build's own output folder, so {@code -Dbuild.dir=...} builds test their own jar.
 * The image is kept after the tests ({@link #TAG}) so that the next build reuses its
 * unchanged layers, the 430 MB of PyTorch natives among them.
 */
final class ServiceImage {

    /**
     * The tag of the image the tests build: one per checkout, so that builds of several checkouts
     * sharing a Docker engine do not run each other's image.
     */
    static final String TAG = "name-origin:it-"
            + Integer.toHexString(java.nio.file.Path.of("").toAbsolutePath().toString().hashCode());

    /** The port the service listens on inside the container. */
    static final int PORT = 8080;

    private static final Logger log = LoggerFactory.getLogger(ServiceImage.class);

    /** Whether this JVM built the image; a failed build is not retried by the next test class. */
    private static boolean built;

    private static RuntimeException buildFailure;

    private ServiceImage() {
    }

    /**
     * Builds the image unless this JVM already did.
     *
     * @return the image's tag
     */
    static synchronized String name() {
        if (buildFailure != null) {
            throw new IllegalStateException("The image could not be built (see the first failing test)", buildFailure);
        }
        if (!built) {
            Path root = projectRoot();
            Path jar = packagedJar();
            log.info("Building {} from {} and {}", TAG, root.resolve("Dockerfile"), jar);
            showBuildOutput();
            long start = System.nanoTime();
            try {
                new ImageFromDockerfile(TAG, false)
                        .withFileFromPath("Dockerfile", root.resolve("Dockerfile"))
                        .withFileFromPath("target/" + jar.getFileName(), jar)
                        .withFileFromPath("data/checkpoint", root.resolve("data/checkpoint"))
                        // remove the intermediate container of a failed step too
                        .withBuildImageCmdModifier(cmd -> cmd.withForcerm(true))
                        .get();
            } catch (RuntimeException e) {
                buildFailure = e;
                throw e;
            }
            built = true;
            log.info("Built {} in {} s", TAG, seconds(start));
        }
        return TAG;
    }

    /**
     * Testcontainers logs the build's output at DEBUG on a logger named after the image; show it,
     * so a failing build (for example a checkpoint the service cannot load) explains itself.
     */
    private static void showBuildOutput() {
        if (LoggerFactory.getLogger("tc." + TAG) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
    }

    /**
     * A container of the service that counts as started once its readiness probe is UP.
     *
     * @param readyWithin how long loading (or training) may take
     * @return the container, not started
     */
    static GenericContainer<?> container(Duration readyWithin) {
        return new GenericContainer<>(name())
                .withExposedPorts(PORT)
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("container.app")))
                .waitingFor(readiness(readyWithin));
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers 200; fails fast when the service
     * reports that it has no model.
     *
     * @param within how long to wait at most
     * @return the wait strategy
     */
    static WaitStrategy readiness(Duration within) {
        return new ModelReadyWait(PORT).withStartupTimeout(within);
    }

    /**
     * Base URL of the service in a started container.
     *
     * @param container the container
     * @return for example {@code http://localhost:32768}
     */
    static String baseUrl(GenericContainer<?> container) {
        return "http://" + container.getHost() + ":" + container.getMappedPort(PORT);
    }

    /**
     * Seconds elapsed since a {@link System#nanoTime()} reading, to one decimal.
     *
     * @param startNanos the reading
     * @return the seconds
     */
    static String seconds(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * The repository's root: the nearest folder up from the working directory that holds the
     * Dockerfile and the pom.
     *
     * @return the root
     */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Dockerfile")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Dockerfile and pom.xml above " + Path.of("").toAbsolutePath());
    }

    /**
     * The Spring Boot jar that {@code package} wrote into this build's output folder (the parent
     * of the test classes folder).
     */
    private static Path packagedJar() {
        Path buildDir;
        try {
            buildDir = Path.of(ServiceImage.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(buildDir)) {
            List<Path> jars = files
                    .filter(p -> p.getFileName().toString().matches("name-origin-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().matches(".*-(sources|javadoc|tests|plain)\\.jar"))
                    .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("Expected one packaged jar in " + buildDir + " (run the package phase first), found "
                        + jars);
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
