package io.github.nameorigin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.FakeClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetScorerTests {

    @TempDir
    Path dir;

    @Test
    void mapsOriginsByNameAndSkipsWhatTheModelCannotScore() throws Exception {
        Files.writeString(dir.resolve("arabic.txt"), "Abadi\nAsker\nChu\n");   // matched ignoring case
        Files.writeString(dir.resolve("Czech.txt"), "Novak\nChu\n9Lives\n");  // Chu also Czech: multi-label
        Files.writeString(dir.resolve("Klingon.txt"), "Worf\nNovak\n");       // unknown to the model
        NamesDataset dataset = NamesDataset.read(dir);
        FakeClassifier classifier = firstLetter();

        DatasetScorer.Scored scored = DatasetScorer.score(dataset, classifier, 1.25, 2);

        assertThat(scored.datasetNames()).isEqualTo(6);
        assertThat(scored.unusable()).isEqualTo(1);
        assertThat(scored.unknownOnly()).isEqualTo(1);
        assertThat(scored.unknownOrigins()).isEqualTo(Map.of("Klingon", 2));
        EvaluationReport report = scored.report();
        assertThat(report.origins()).containsExactly("Arabic", "Chinese", "Czech");
        assertThat(report.names()).isEqualTo(4);              // Abadi, Asker, Chu, Novak
        assertThat(report.singleLabelNames()).isEqualTo(3);   // Novak keeps only Czech
        assertThat(report.top1()).isEqualTo(0.75);            // Chu guessed Chinese: a miss
        assertThat(report.top3()).isEqualTo(1.0);
        assertThat(report.temperature()).isEqualTo(1.25);
        assertThat(classifier.calls()).extracting(List::size).containsExactly(2, 2);
    }

    @Test
    void failsWhenNothingCanBeScored() throws Exception {
        Files.writeString(dir.resolve("Klingon.txt"), "Worf\n");
        Files.writeString(dir.resolve("Vulcan.txt"), "Spock\n");
        NamesDataset dataset = NamesDataset.read(dir);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatasetScorer.score(dataset, firstLetter(), null, 256))
                .withMessageContaining("Klingon");
    }

    /**
     * Arabic for names starting with a, Chinese for c to h, Czech for the rest; a name starting
     * with a digit cannot be scored.
     */
    static FakeClassifier firstLetter() {
        return new FakeClassifier(List.of("Arabic", "Chinese", "Czech"), DatasetScorerTests::firstLetterIndex,
                name -> !name.isEmpty() && !Character.isDigit(name.charAt(0)));
    }

    static int firstLetterIndex(String name) {
        char c = Character.toLowerCase(name.charAt(0));
        return c == 'a' ? 0 : c >= 'c' && c <= 'h' ? 1 : 2;
    }
}
