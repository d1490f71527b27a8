package io.github.nameorigin.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesDatasetTests {

    @TempDir
    Path dir;

    private void write(String file, String content) throws IOException {
        Files.write(dir.resolve(file), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBomCrlfBlanksSpacesAndDuplicates() throws IOException {
        write("German.txt", "\uFEFFSchmidt\r\n\r\n  Weber  \r\nSchmidt\r\nMüller\r\n");
        write("English.txt", "Smith\n\n   \nMuller\n");
        NamesDataset data = NamesDataset.read(dir);

        assertThat(data.origins()).containsExactly("English", "German");
        Map<String, NamesDataset.LabelledName> byKey = data.names().stream()
                .collect(Collectors.toMap(NamesDataset.LabelledName::key, Function.identity()));
        assertThat(byKey).containsOnlyKeys("smith", "muller", "schmidt", "weber");
        assertThat(byKey.get("schmidt").name()).isEqualTo("Schmidt");
        assertThat(byKey.get("weber").name()).isEqualTo("Weber");
        assertThat(byKey.get("schmidt").labels()).containsExactly(1);
        // "Müller" (German) and "Muller" (English) are one name listed under both languages
        assertThat(byKey.get("muller").labels()).containsExactly(0, 1);
        // scored in the first spelling seen (English.txt comes first), trained on each spelling
        // under its own language
        assertThat(byKey.get("muller").spelling()).isEqualTo("muller");
        assertThat(byKey.get("muller").listings()).containsExactly(new NamesDataset.Listing("muller", 0),
                new NamesDataset.Listing("müller", 1));
        assertThat(byKey.get("schmidt").listings()).containsExactly(new NamesDataset.Listing("schmidt", 1));
        assertThat(data.lines()).isEqualTo(6);
    }

    @Test
    void comparesNamesFoldedButSpellsThemWithTheirAccents() throws IOException {
        write("German.txt", "Müller\nWeiß\nJäger\nJager\nJÄGER\n");
        write("Spanish.txt", "Peña\n");
        Map<String, NamesDataset.LabelledName> byKey = NamesDataset.read(dir).names().stream()
                .collect(Collectors.toMap(NamesDataset.LabelledName::key, Function.identity()));
        assertThat(byKey).containsOnlyKeys("muller", "weiss", "jager", "pena");
        assertThat(byKey.get("weiss").spelling()).isEqualTo("weiß");
        assertThat(byKey.get("pena").spelling()).isEqualTo("peña");
        assertThat(byKey.get("jager").spelling()).isEqualTo("jäger");
        assertThat(byKey.get("jager").listings()).extracting(NamesDataset.Listing::spelling)
                .containsExactly("jäger", "jager");
    }

    @Test
    void fingerprintChangesWithContentAndIsStable() throws IOException {
        write("A.txt", "Abe\n");
        write("B.txt", "Bob\n");
        String first = NamesDataset.read(dir).fingerprint();
        assertThat(NamesDataset.read(dir).fingerprint()).isEqualTo(first);
        write("B.txt", "Bobby\n");
        assertThat(NamesDataset.read(dir).fingerprint()).isNotEqualTo(first).hasSize(64);
    }

    @Test
    void rejectsDirectoriesWithoutData() throws IOException {
        write("Only.txt", "Name\n");
        assertThatThrownBy(() -> NamesDataset.read(dir)).hasMessageContaining("at least two");
        write("Other.txt", "\n \n");
        write("Only.txt", "");
        assertThatThrownBy(() -> NamesDataset.read(dir)).hasMessageContaining("no names");
    }

    @Test
    void splitIsByDistinctNameStratifiedAndDeterministic() {
        NamesDataset data = NamesDataset.read(Path.of("src/test/resources/names-tiny"));
        DatasetSplit split = DatasetSplit.of(data, 0.2, 7);

        assertThat(split.train().size() + split.validation().size()).isEqualTo(data.names().size());
        assertThat(split.train()).doesNotContainAnyElementsOf(split.validation());
        assertThat(split.validation().stream().map(NamesDataset.LabelledName::primary).distinct().count())
                .isEqualTo(data.origins().size());
        assertThat(DatasetSplit.of(data, 0.2, 7)).isEqualTo(split);
        assertThat(DatasetSplit.of(data, 0.2, 8).validation()).isNotEqualTo(split.validation());
    }
}
