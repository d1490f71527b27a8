package io.github.nameorigin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.FakeClassifier;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.NetworkSpec;
import io.github.nameorigin.model.ServingModel;
import io.github.nameorigin.model.TestNetworks;
import io.github.nameorigin.model.TrainingHistory;
import io.github.nameorigin.model.ValidationMetrics;
import io.github.nameorigin.system.NameOriginProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluateCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void scoresTheLiveModelPrintsTheReportAndWritesJson() throws Exception {
        Files.writeString(dir.resolve("Arabic.txt"), "Abadi\nAsker\n");
        Files.writeString(dir.resolve("Czech.txt"), "Novak\n");
        Path output = dir.resolve("out/report.json");
        Files.createDirectories(output.getParent());
        ModelRegistry registry = new ModelRegistry();
        registry.install(new FakeModel());

        int status = command(registry, dir, output).evaluate();

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Evaluation of the live model on " + dir)
                .contains("Top-1 accuracy:    100.0 %").contains("Temperature:       1.500");
        JsonNode report = json.readTree(output.toFile());
        assertThat(report.get("names").asInt()).isEqualTo(3);
        assertThat(report.get("origins").size()).isEqualTo(3);
    }

    @Test
    void failsWithoutAModel() throws Exception {
        ModelRegistry registry = new ModelRegistry();
        registry.markFailed("no checkpoint");
        assertThat(command(registry, dir, null).evaluate()).isEqualTo(2);
        assertThat(printed.size()).isZero();
    }

    @Test
    void isActiveOnlyWhenADirectoryIsGiven() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withBean(ModelRegistry.class)
                .withBean(JsonMapper.class, () -> json)
                .withUserConfiguration(Config.class);
        runner.run(context -> assertThat(context).doesNotHaveBean(EvaluateCommand.class));
        runner.withPropertyValues("nameorigin.evaluate=" + dir)
                .run(context -> assertThat(context).hasSingleBean(EvaluateCommand.class));
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(NameOriginProperties.class)
    @org.springframework.context.annotation.Import(EvaluateCommand.class)
    static class Config {
    }

    private EvaluateCommand command(ModelRegistry registry, Path evaluate, Path output) {
        return new EvaluateCommand(registry, evaluate, output, json, mock(ConfigurableApplicationContext.class),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** The fake classifier with checkpoint metadata, as the registry serves it. */
    static class FakeModel extends FakeClassifier implements ServingModel {

        FakeModel() {
            super(List.of("Arabic", "Chinese", "Czech"), DatasetScorerTests::firstLetterIndex, name -> true);
        }

        @Override
        public CheckpointMetadata metadata() {
            NetworkSpec architecture = TestNetworks.spec("gru", 8, 8, 1, false, 0f);
            return new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, architecture, "abc", origins(), 1.5f,
                    null, "fingerprint", 42, 1, new ValidationMetrics(3, 1, 1, 1, 0, 0), null,
                    Instant.EPOCH);
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
        }
    }
}
