package io.github.nameorigin.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.model.PredictionSets;

class BulkScorerTests {

    /** Origin by the name's length: 0.7 on origin {@code length % 3}, 0.2 on the next, 0.1 on the last. */
    static final class LengthClassifier implements OriginClassifier {
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        PredictionSets sets;

        @Override
        public List<String> origins() {
            return List.of("A", "B", "C");
        }

        @Override
        public boolean isUsable(String name) {
            return name.chars().anyMatch(Character::isLetter);
        }

        @Override
        public float[][] predict(List<String> names) {
            batchSizes.add(names.size());
            float[][] out = new float[names.size()][3];
            for (int i = 0; i < names.size(); i++) {
                int top = names.get(i).length() % 3;
                out[i][top] = 0.7f;
                out[i][(top + 1) % 3] = 0.2f;
                out[i][(top + 2) % 3] = 0.1f;
            }
            return out;
        }

        @Override
        public PredictionSets predictionSets() {
            return sets;
        }
    }

    private final LengthClassifier classifier = new LengthClassifier();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private String score(String input, CSVFormat format, int batchSize, Double coverage) throws Exception {
        StringWriter out = new StringWriter();
        new BulkScorer(classifier, batchSize, 2, coverage, problems::add).score(new StringReader(input), out, format,
                "surname", n -> { });
        return out.toString();
    }

    private static final CSVFormat CSV = ScoreCommand.format(Path.of("x.csv"));
    private static final CSVFormat TSV = ScoreCommand.format(Path.of("x.tsv"));

    @Test
    void writesTheInputColumnsPlusOriginProbabilityAndSetInInputOrderAcrossBatches() throws Exception {
        classifier.sets = new PredictionSets(0, 1, new float[] {0.7f, 0.95f}, List.of(), List.of());
        StringBuilder input = new StringBuilder("id,surname,city\n");
        StringBuilder expected = new StringBuilder("id,surname,city,origin,probability,set\n");
        for (int i = 0; i < 100; i++) {
            String name = "N" + "x".repeat(i % 7);
            input.append(i).append(',').append(name).append(",\"Town, ").append(i).append("\"\n");
            String origin = List.of("A", "B", "C").get(name.length() % 3);
            expected.append(i).append(',').append(name).append(",\"Town, ").append(i).append("\",").append(origin)
                    .append(",0.7,").append(origin).append('\n');
        }
        // coverage 0.3: the 1st of 2 scores, 0.7: the top origin alone
        assertThat(score(input.toString(), CSV, 7, 0.3)).isEqualTo(expected.toString());
        assertThat(classifier.batchSizes).hasSize(15).allMatch(size -> size <= 7);
        assertThat(problems).isEmpty();
    }

    @Test
    void theSetGrowsWithTheCoverageAndIsEmptyWithoutSets() throws Exception {
        classifier.sets = new PredictionSets(0, 1, new float[] {0.7f, 0.95f}, List.of(), List.of());
        assertThat(score("surname\nAbc\n", CSV, 10, 0.6)).isEqualTo("surname,origin,probability,set\nAbc,A,0.7,A|B\n");
        assertThat(score("surname\nAbc\n", CSV, 10, null)).isEqualTo("surname,origin,probability,set\nAbc,A,0.7,\n");
    }

    @Test
    void readsAndWritesTabSeparatedFiles() throws Exception {
        assertThat(score("surname\tnote\nAb\thello, world\n", TSV, 10, null))
                .isEqualTo("surname\tnote\torigin\tprobability\tset\nAb\thello, world\tC\t0.7\t\n");
    }

    @Test
    void malformedRowsAreReportedWithTheirLineAndTheRunGoesOn() throws Exception {
        String out = score("id,surname\n1,Rossi\n2,Smith,extra\n3,\n4,1234\n5,Lee", CSV, 2, null);
        assertThat(out).isEqualTo("id,surname,origin,probability,set\n1,Rossi,C,0.7,\n3,,,,\n4,1234,,,\n5,Lee,A,0.7,\n");
        assertThat(problems).containsExactly(
                "line 3: 3 fields, the header has 2; row left out",
                "line 4: no name; written without a prediction",
                "line 5: no letter the model knows; written without a prediction");
    }

    @Test
    void aMissingColumnIsRefusedNamingTheOnesThereAre() {
        assertThatIllegalArgumentException().isThrownBy(() -> score("id,name\n1,Rossi\n", CSV, 2, null))
                .withMessageContaining("no column 'surname'").withMessageContaining("[id, name]");
    }

    @Test
    void aQuoteLeftOpenEndsTheRunWithItsLine() {
        assertThatThrownBy(() -> score("id,surname\n1,Rossi\n2,\"Smith\n3,Lee\n", CSV, 2, null))
                .isInstanceOf(IOException.class).hasMessageContaining("quote left open");
    }

    @Test
    void progressIsABarOnATerminalAndPlainLinesOtherwise() {
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        ScoreProgress terminal = new ScoreProgress(new PrintStream(bar, true, StandardCharsets.UTF_8), true, 1000,
                () -> 250);
        terminal.update(5000);
        terminal.finish(20000);
        assertThat(bar.toString(StandardCharsets.UTF_8)).startsWith("\r[########----------------------] 25% 5,000 names")
                .contains("names/s").contains("left").contains("\r[##############################] 100% 20,000 names");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ScoreProgress plain = new ScoreProgress(new PrintStream(lines, true, StandardCharsets.UTF_8), false, 1000,
                () -> 500);
        plain.update(5000);
        plain.update(6000); // within the interval: not shown
        assertThat(lines.toString(StandardCharsets.UTF_8)).doesNotContain("\r").containsOnlyOnce("score: ")
                .startsWith("score: 5,000 names (50%), ");
    }
}
