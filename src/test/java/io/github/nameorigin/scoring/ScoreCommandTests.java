package io.github.nameorigin.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.system.NameOriginProperties;

class ScoreCommandTests {

    @TempDir
    Path dir;

    private final ModelRegistry registry = mock(ModelRegistry.class);
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ScoreCommand command(Path input, Path output) {
        return new ScoreCommand(registry, new NameOriginProperties.Score(input, output, "surname", 0.9, 4, 2), null,
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    @Test
    void scoresTheFileOnTheLiveModelAndReportsProgressAsLines() throws Exception {
        BulkScorerTests.LengthClassifier classifier = new BulkScorerTests.LengthClassifier();
        given(registry.state()).willReturn(ModelState.READY);
        given(registry.awaitSettled()).willReturn(ModelState.READY);
        given(registry.withClassifier(any())).willAnswer(
                call -> call.<Function<OriginClassifier, Object>>getArgument(0).apply(classifier));
        Path input = Files.writeString(dir.resolve("names.tsv"), "surname\tid\nRossi\t1\nLee\t2\n");
        Path output = dir.resolve("out.tsv");

        assertThat(command(input, output).score()).isZero();

        assertThat(Files.readString(output)).isEqualTo("surname\tid\torigin\tprobability\tset\nRossi\t1\tC\t0.7\t\n"
                + "Lee\t2\tA\t0.7\t\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no prediction sets")
                .contains("score: 2 names (100%)");
    }

    @Test
    void withoutAModelTheStatusIs2AndNothingIsWritten() throws Exception {
        given(registry.state()).willReturn(ModelState.FAILED);
        given(registry.awaitSettled()).willReturn(ModelState.FAILED);
        given(registry.failure()).willReturn(Optional.of("no checkpoint"));
        Path input = Files.writeString(dir.resolve("names.csv"), "surname\nRossi\n");
        assertThat(command(input, dir.resolve("out.csv")).score()).isEqualTo(2);
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void withoutAnOutputTheStatusIs1() throws Exception {
        Path input = Files.writeString(dir.resolve("names.csv"), "surname\nRossi\n");
        assertThat(command(input, null).score()).isEqualTo(1);
    }
}
