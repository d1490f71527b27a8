package io.github.nameorigin.container;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A container started with no checkpoint and a small dataset trains a model, saves it and becomes
 * ready: the path a user takes to retrain on their own data.
 */
@Testcontainers(disabledWithoutDocker = true)
class TrainingContainerIT {

    private static final Logger log = LoggerFactory.getLogger(TrainingContainerIT.class);

    /** The languages of the fixture in src/test/resources/container-names (60 names each). */
    private static final Set<String> ORIGINS = Set.of("German", "Italian", "Japanese", "Russian");

    private static final String CHECKPOINT_DIR = "/tmp/checkpoint";

    private static GenericContainer<?> app;

    private static String url;

    @BeforeAll
    static void start() {
        app = ServiceImage.container(Duration.ofMinutes(5))
                // an empty, writable checkpoint folder instead of the bundled checkpoint
                .withEnv("NAMEORIGIN_CHECKPOINT_DIR", CHECKPOINT_DIR)
                .withEnv("NAMEORIGIN_DATA_DIR", "/data/names")
                .withEnv("NAMEORIGIN_TRAINING_EPOCHS", "3")
                // copied rather than bound: the files keep modes the container's user can read
                .withCopyFileToContainer(MountableFile.forClasspathResource("container-names"), "/data/names");
        long startNanos = System.nanoTime();
        app.start();
        log.info("Container trained and ready {} s after start", ServiceImage.seconds(startNanos));
        url = ServiceImage.baseUrl(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void trainsOnTheMountedDatasetAndServesTheModel() {
        Http.Response status = Http.get(url + "/training/status");
        assertThat(status.body().path("state").asString()).as(status.text()).isEqualTo("READY");

        Http.Response prediction = Http.postJson(url + "/predict", Http.json(Map.of("name", "Nakamura", "top", 4)));

        assertThat(prediction.status()).as(prediction.text()).isEqualTo(200);
        assertThat(prediction.body().path("predictions").size()).isEqualTo(4);
        prediction.body().path("predictions").forEach(p -> assertThat(p.path("origin").asString()).isIn(ORIGINS));
    }

    @Test
    void savesTheTrainedVersionInTheModelStore() throws Exception {
        ExecResult active = app.execInContainer("cat", "/app/data/models/active");
        assertThat(active.getExitCode()).as(active.getStderr()).isZero();
        String id = active.getStdout().strip();
        assertThat(id).endsWith("-trained");

        ExecResult files = app.execInContainer("ls", "-A", "/app/data/models/" + id + "/checkpoint");
        assertThat(files.getExitCode()).isZero();
        assertThat(files.getStdout()).contains("metadata.json", "probes.json", "checksums.sha256");
    }
}
