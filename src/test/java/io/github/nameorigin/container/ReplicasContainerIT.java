package io.github.nameorigin.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * Two replicas on one store volume: a version imported and activated through one is served by
 * both within a few seconds, and while one trains the other refuses to start a second training.
 */
@Testcontainers(disabledWithoutDocker = true)
class ReplicasContainerIT {

    private static GenericContainer<?> replica(StoreVolume store) {
        return store.mount(ServiceImage.container(Duration.ofMinutes(3))
                .withEnv("NAMEORIGIN_MANAGEMENT_API_KEY", Management.KEY)
                .withEnv("NAMEORIGIN_DATA_DIR", "/data/names")
                .withEnv("NAMEORIGIN_LIFECYCLE_PROMOTION", "manual")
                .withCopyFileToContainer(MountableFile.forClasspathResource("container-names"), "/data/names"));
    }

    @Test
    void oneActivationReachesBothReplicasAndOnlyOneTrains() throws Exception {
        try (StoreVolume store = new StoreVolume();
                GenericContainer<?> first = replica(store);
                GenericContainer<?> second = replica(store)) {
            first.start();
            second.start();
            String a = ServiceImage.baseUrl(first);
            String b = ServiceImage.baseUrl(second);
            String bundled = Management.servedVersion(a);
            assertThat(Management.servedVersion(b)).isEqualTo(bundled);

            Http.Response training = Management.post(a + "/models", "{\"epochs\": 1}");
            assertThat(training.status()).as(training.text()).isEqualTo(202);
            Http.Response refused = Management.post(b + "/models", "{\"epochs\": 1}");
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.body().path("detail").asString()).contains("Another replica");
            String trained = training.body().path("id").asString();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(Management.get(b + "/models/" + trained).body().path("status").asString())
                            .isEqualTo("CANDIDATE"));

            long activated = System.nanoTime();
            assertThat(Management.post(b + "/models/" + trained + "/activate", null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(Management.servedVersion(a)).isEqualTo(trained);
                assertThat(Management.servedVersion(b)).isEqualTo(trained);
            });
            org.slf4j.LoggerFactory.getLogger(ReplicasContainerIT.class).info(
                    "Both replicas served {} {} s after the activation", trained, ServiceImage.seconds(activated));
        }
    }
}
