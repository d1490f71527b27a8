package io.github.nameorigin.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The model lifecycle in the image, with the store on a volume: train a short version through the
 * API while the bundled one serves, activate it, roll back, activate it again, then replace the
 * container and see the active version survive.
 */
@Testcontainers(disabledWithoutDocker = true)
class ModelLifecycleContainerIT {

    private static final Logger log = LoggerFactory.getLogger(ModelLifecycleContainerIT.class);

    private static GenericContainer<?> container(StoreVolume store) {
        return store.mount(ServiceImage.container(Duration.ofMinutes(3))
                .withEnv("NAMEORIGIN_MANAGEMENT_API_KEY", Management.KEY)
                .withEnv("NAMEORIGIN_DATA_DIR", "/data/names")
                .withEnv("NAMEORIGIN_LIFECYCLE_PROMOTION", "manual")
                .withCopyFileToContainer(MountableFile.forClasspathResource("container-names"), "/data/names"));
    }

    @Test
    void trainActivateRollBackAndSurviveARestart() {
        try (StoreVolume store = new StoreVolume()) {
            String trained;
            String bundled;
            try (GenericContainer<?> app = container(store)) {
                app.start();
                String url = ServiceImage.baseUrl(app);
                bundled = Management.servedVersion(url);
                assertThat(bundled).endsWith("-bundled");

                Http.Response started = Management.post(url + "/models", "{\"epochs\": 1, \"seed\": 5}");
                assertThat(started.status()).as(started.text()).isEqualTo(202);
                trained = started.body().path("id").asString();
                assertThat(Management.post(url + "/models", null).status()).isEqualTo(409);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(Management.get(url + "/models/" + trained).body().path("status").asString())
                                .isEqualTo("CANDIDATE"));
                assertThat(Management.servedVersion(url)).isEqualTo(bundled);

                assertThat(Management.post(url + "/models/" + trained + "/activate", null).status()).isEqualTo(200);
                assertThat(Management.servedVersion(url)).isEqualTo(trained);
                assertThat(Management.post(url + "/models/" + bundled + "/activate", null).status()).isEqualTo(200);
                assertThat(Management.servedVersion(url)).isEqualTo(bundled);
                assertThat(Management.post(url + "/models/" + trained + "/activate", null).status()).isEqualTo(200);
                log.info("Versions before the restart: {}", Management.get(url + "/models").text());
            }
            try (GenericContainer<?> again = container(store)) {
                again.start();
                String url = ServiceImage.baseUrl(again);
                assertThat(Management.servedVersion(url)).isEqualTo(trained);
                Http.Response listing = Management.get(url + "/models");
                assertThat(listing.body().path("active").asString()).isEqualTo(trained);
                assertThat(listing.body().path("models").size()).isEqualTo(2);
            }
        }
    }
}
