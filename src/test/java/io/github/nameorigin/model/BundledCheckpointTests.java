package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edits of the bundled checkpoint that once loaded and served wrong answers are refused, even
 * when whoever edited the metadata also rewrote the checksum manifest.
 */
class BundledCheckpointTests {

    private static final Path BUNDLED = Path.of("data/checkpoint");

    @TempDir
    Path dir;

    private final CheckpointStore store = new CheckpointStore();

    @Test
    void theBundledCheckpointLoadsWithItsChecks() throws Exception {
        try (LoadedModel model = store.load(copy())) {
            float[] nakamura = model.predict(List.of("Nakamura"))[0];
            assertThat(model.origins().get(argmax(nakamura))).isEqualTo("Japanese");
        }
    }

    @Test
    void refusesEnglishAndJapaneseSwapped() throws Exception {
        Path checkpoint = copy();
        Path metadata = checkpoint.resolve(CheckpointStore.METADATA_FILE);
        Files.writeString(metadata, Files.readString(metadata).replace("\"English\"", "\"Tmp\"")
                .replace("\"Japanese\"", "\"English\"").replace("\"Tmp\"", "\"Japanese\""));
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("metadata.json was changed");

        CheckpointManifest.write(checkpoint);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("does not behave as the model that was saved")
                .hasMessageMatching("(?s).*now gives (English|Japanese).*");
    }

    @Test
    void refusesAReversedVocabulary() throws Exception {
        Path checkpoint = copy();
        Path metadata = checkpoint.resolve(CheckpointStore.METADATA_FILE);
        String text = Files.readString(metadata);
        String vocabulary = text.replaceFirst("(?s).*\"vocabulary\" : \"([^\"]*)\".*", "$1");
        String reversed = vocabulary.charAt(0) + new StringBuilder(vocabulary.substring(1)).reverse().toString();
        Files.writeString(metadata, text.replace("\"" + vocabulary + "\"", "\"" + reversed + "\""));
        CheckpointManifest.write(checkpoint);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("does not behave as the model that was saved");
    }

    private Path copy() throws IOException {
        Path target = dir.resolve("checkpoint");
        Files.createDirectories(target);
        try (var files = Files.list(BUNDLED)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            best = row[i] > row[best] ? i : best;
        }
        return best;
    }
}
