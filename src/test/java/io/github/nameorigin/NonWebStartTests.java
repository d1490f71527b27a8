package io.github.nameorigin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;

/**
 * The one-shot commands (bulk scoring, evaluation) run with
 * {@code spring.main.web-application-type=none}: the service must start and load its model
 * without a web server, whatever the web layer's configuration needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "nameorigin.mode=load")
class NonWebStartTests {

    @TempDir
    static Path store;

    @DynamicPropertySource
    static void modelStore(DynamicPropertyRegistry registry) {
        registry.add("nameorigin.models-dir", () -> store.toString());
    }

    @Autowired
    private ModelRegistry registry;

    @Test
    void startsWithoutAWebServerAndServesTheBundledModel() {
        await().atMost(Duration.ofMinutes(2)).until(() -> registry.state() != ModelState.LOADING);
        assertThat(registry.state()).isEqualTo(ModelState.READY);
        float[][] p = registry.withClassifier(c -> c.predict(List.of("Nakamura")));
        assertThat(p[0]).hasSize(registry.withClassifier(c -> c.origins().size()));
    }
}
