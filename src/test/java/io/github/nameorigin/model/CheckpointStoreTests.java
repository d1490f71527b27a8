package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import io.github.nameorigin.system.NameOriginProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTests {

    private static final String CHARS = " '-abcdefgh";
    private static final List<String> NAMES = List.of("abc", "kajihe", "b", "deadbeef");

    @TempDir
    Path dir;

    private final CheckpointStore store = new CheckpointStore();

    private static LoadedModel randomModel(String architecture) {
        return randomModel(TestNetworks.spec(architecture, 16, 8, 1, true, 0f), null);
    }

    private static LoadedModel randomModel(NetworkSpec config, NgramLogisticRegression member) {
        CheckpointMetadata metadata = new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, config, CHARS,
                List.of("A", "B", "C", "D", "E"), 1.5f,
                new TopLabelCalibration(new float[] {0.3f, 0.6f, 0.9f}, new float[] {0.35f, 0.5f, 0.8f}),
                "fingerprint", 42, 1.0,
                new ValidationMetrics(10, 0.5, 0.8, 0.4, 0.05, 0.07), new CheckpointMetadata.Refit(15, 16),
                Instant.parse("2026-01-02T03:04:05Z"));
        return new LoadedModel(NetworkFactoryTests.initialized(config), metadata, null,
                new TrainingHistory(10, List.of(2.0, 1.5), List.of(0.4, 0.5)), member);
    }

    /** A network with a linear member of the same five origins. */
    private static LoadedModel modelWithMember(float weight) {
        List<String> spellings = List.of("abc", "bad", "cab", "dead", "face", "feed", "beef", "cafe", "hag", "egg");
        int[] labels = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4};
        return randomModel(TestNetworks.withLinearWeight(TestNetworks.spec("gru", 16, 8, 1, true, 0f), weight),
                NgramLogisticRegression.train(spellings, labels, 5, 3));
    }

    @Test
    void aLinearMemberIsSavedLoadedAndMixedIn() throws Exception {
        Path checkpoint = dir.resolve("mixed");
        float[][] alone;
        ai.djl.engine.Engine.getInstance().setRandomSeed(5);
        try (LoadedModel network = randomModel("gru")) {
            alone = network.predict(NAMES);
        }
        ai.djl.engine.Engine.getInstance().setRandomSeed(5);
        try (LoadedModel original = modelWithMember(0.35f)) {
            float[][] mixed = original.predict(NAMES);
            // The same network (same seed) with the member mixed in says something else.
            assertThat(mixed).isNotEqualTo(alone);
            store.save(checkpoint, original);
            try (LoadedModel reloaded = store.load(checkpoint)) {
                assertThat(reloaded.predict(NAMES)).isDeepEqualTo(mixed);
                assertThat(reloaded.metadata().architecture().linearWeight()).isEqualTo(0.35f);
            }
        }
        Path member = checkpoint.resolve(CheckpointStore.MEMBER_FILE);
        byte[] bytes = Files.readAllBytes(member);
        bytes[bytes.length / 2] ^= 1;
        Files.write(member, bytes);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("truncated or corrupt").hasMessageContaining(CheckpointStore.MEMBER_FILE);
        Files.delete(member);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("missing").hasMessageContaining(CheckpointStore.MEMBER_FILE);
    }

    @Test
    void aMemberAndItsWeightComeTogether() {
        try (LoadedModel network = randomModel("gru")) {
            NgramLogisticRegression member = NgramLogisticRegression.train(List.of("abc", "bad"), new int[] {0, 1}, 5, 3);
            assertThatThrownBy(() -> new LoadedModel(null, network.metadata(), null, null, member))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void reloadedModelGivesIdenticalOutputs() throws Exception {
        for (String architecture : List.of("gru", "lstm", "elman")) {
            Path checkpoint = dir.resolve(architecture);
            try (LoadedModel original = randomModel(architecture)) {
                store.save(checkpoint, original);
                try (LoadedModel reloaded = store.load(checkpoint)) {
                    assertThat(reloaded.predict(NAMES)).isDeepEqualTo(original.predict(NAMES));
                    assertThat(reloaded.metadata()).isEqualTo(original.metadata());
                    assertThat(reloaded.history()).isEqualTo(original.history());
                }
            }
        }
    }

    @Test
    void saveReplacesAnExistingCheckpointAndLeavesNoTemporaryFiles() throws Exception {
        Path checkpoint = dir.resolve("ckpt");
        try (LoadedModel first = randomModel("gru"); LoadedModel second = randomModel("lstm")) {
            store.save(checkpoint, first);
            store.save(checkpoint, second);
        }
        try (LoadedModel loaded = store.load(checkpoint)) {
            assertThat(loaded.metadata().architecture().architecture()).isEqualTo("lstm");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ckpt");
        }
    }

    @Test
    void rejectsTruncatedParameters() throws Exception {
        Path checkpoint = saved();
        Path params = checkpoint.resolve(CheckpointStore.PARAMS_FILE);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("truncated or corrupt").hasMessageContaining(CheckpointStore.PARAMS_FILE);
    }

    @Test
    void rejectsCorruptMetadata() throws Exception {
        Path checkpoint = saved();
        Files.writeString(checkpoint.resolve(CheckpointStore.METADATA_FILE), "{\"formatVersion\": 1, \"arch",
                StandardOpenOption.TRUNCATE_EXISTING);
        CheckpointManifest.write(checkpoint);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(CheckpointStore.METADATA_FILE).hasMessageContaining("not valid");
    }

    @Test
    void rejectsACalibrationMapOutOfOrder() throws Exception {
        Path checkpoint = saved();
        Path metadata = checkpoint.resolve(CheckpointStore.METADATA_FILE);
        String text = Files.readString(metadata);
        String broken = text.replaceFirst("0\\.8\\s*]", "0.1 ]");
        assertThat(broken).isNotEqualTo(text);
        Files.writeString(metadata, broken);
        CheckpointManifest.write(checkpoint);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(CheckpointStore.METADATA_FILE).hasMessageContaining("out of order");
    }

    @Test
    void loadsACheckpointWrittenBeforeTheCalibrationMap() throws Exception {
        Path checkpoint = saved();
        float[][] withMap;
        try (LoadedModel loaded = store.load(checkpoint)) {
            withMap = loaded.predict(NAMES);
        }
        Path metadata = checkpoint.resolve(CheckpointStore.METADATA_FILE);
        String text = Files.readString(metadata);
        String withoutMap = text.replaceFirst("(?s)\\s*\"calibration\" : \\{.*?},", "");
        assertThat(withoutMap).doesNotContain("calibration").isNotEqualTo(text);
        Files.writeString(metadata, withoutMap);
        // without the map the model no longer gives its saved probabilities, until sealed again
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class);
        store.seal(checkpoint, NAMES);
        try (LoadedModel loaded = store.load(checkpoint)) {
            assertThat(loaded.metadata().calibration()).isNull();
            float[][] plain = loaded.predict(NAMES);
            // The map changes the probabilities but never which origin comes first.
            assertThat(plain).isNotEqualTo(withMap);
            for (int i = 0; i < plain.length; i++) {
                assertThat(argmax(plain[i])).isEqualTo(argmax(withMap[i]));
            }
        }
    }

    private static int argmax(float[] row) {
        return java.util.stream.IntStream.range(0, row.length).reduce((a, b) -> row[b] > row[a] ? b : a).orElseThrow();
    }

    @Test
    void rejectsAnotherFormatVersion() throws Exception {
        Path checkpoint = saved();
        Path metadata = checkpoint.resolve(CheckpointStore.METADATA_FILE);
        Files.writeString(metadata, Files.readString(metadata).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        CheckpointManifest.write(checkpoint);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("format version 99");
    }

    @Test
    void rejectsParametersOfAnotherNetwork() throws Exception {
        Path checkpoint = saved();
        Path metadata = checkpoint.resolve(CheckpointStore.METADATA_FILE);
        Files.writeString(metadata, Files.readString(metadata).replace("\"hiddenSize\" : 16", "\"hiddenSize\" : 32"));
        CheckpointManifest.write(checkpoint);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("do not fit");
    }

    @Test
    void reportsAMissingCheckpoint() {
        assertThat(store.isPresent(dir.resolve("none"))).isFalse();
        assertThatThrownBy(() -> store.load(dir.resolve("none"))).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("No checkpoint");
    }

    private Path saved() throws IOException {
        Path checkpoint = dir.resolve("ckpt");
        try (LoadedModel model = randomModel("gru")) {
            store.save(checkpoint, model);
        }
        return checkpoint;
    }

    @Test
    void everyFileIsCoveredByTheManifest() throws Exception {
        Path checkpoint = saved();
        List<String> listed = Files.readAllLines(checkpoint.resolve(CheckpointManifest.FILE)).stream()
                .map(line -> line.split("  ")[1]).toList();
        try (var files = Files.list(checkpoint)) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals(CheckpointManifest.FILE)).toList());
        }
        assertThat(listed).contains(CheckpointStore.METADATA_FILE, CheckpointStore.PROBES_FILE,
                CheckpointStore.PARAMS_FILE, CheckpointStore.HISTORY_FILE);
    }

    @Test
    void refusesSwappedOrigins() throws Exception {
        Path checkpoint = saved();
        edit(checkpoint.resolve(CheckpointStore.METADATA_FILE), text -> text.replace("\"A\"", "\"X\"")
                .replace("\"B\"", "\"A\"").replace("\"X\"", "\"B\""));
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(CheckpointStore.METADATA_FILE).hasMessageContaining("was changed");
    }

    @Test
    void refusesSwappedOriginsEvenWithAResealedManifest() throws Exception {
        Path checkpoint = saved();
        edit(checkpoint.resolve(CheckpointStore.METADATA_FILE), text -> text.replace("\"A\"", "\"X\"")
                .replace("\"B\"", "\"A\"").replace("\"X\"", "\"B\""));
        CheckpointManifest.write(checkpoint);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("does not behave as the model that was saved");
    }

    @Test
    void refusesAReversedVocabularyEvenWithAResealedManifest() throws Exception {
        Path checkpoint = saved();
        String reversed = new StringBuilder(CHARS.substring(1)).reverse().insert(0, ' ').toString();
        edit(checkpoint.resolve(CheckpointStore.METADATA_FILE), text -> text.replace("\"" + CHARS + "\"",
                "\"" + reversed + "\""));
        assertThat(Files.readString(checkpoint.resolve(CheckpointStore.METADATA_FILE))).contains(reversed);
        CheckpointManifest.write(checkpoint);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("does not behave as the model that was saved").hasMessageContaining("probe");
    }

    @Test
    void refusesEditedParametersAndEditedProbes() throws Exception {
        Path checkpoint = saved();
        Path params = checkpoint.resolve(CheckpointStore.PARAMS_FILE);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 3] ^= 0x55;
        Files.write(params, bytes);
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(CheckpointStore.PARAMS_FILE);

        Path other = dir.resolve("other");
        try (LoadedModel model = randomModel("gru")) {
            store.save(other, model);
        }
        edit(other.resolve(CheckpointStore.PROBES_FILE), text -> text.replaceFirst("\"A\" : 0\\.\\d", "\"A\" : 0.9"));
        assertThatThrownBy(() -> store.load(other)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(CheckpointStore.PROBES_FILE).hasMessageContaining("was changed");
    }

    @Test
    void refusesAFileTheManifestDoesNotCoverAndACheckpointWithoutManifest() throws Exception {
        Path checkpoint = saved();
        Files.writeString(checkpoint.resolve("extra.json"), "{}");
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("extra.json").hasMessageContaining("not covered");
        Files.delete(checkpoint.resolve("extra.json"));
        Files.delete(checkpoint.resolve(CheckpointManifest.FILE));
        assertThatThrownBy(() -> store.load(checkpoint)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("has no " + CheckpointManifest.FILE);
    }

    @Test
    void recordsTheGivenProbeNames() throws Exception {
        Path checkpoint = dir.resolve("probed");
        try (LoadedModel model = randomModel("gru")) {
            store.save(checkpoint, model, List.of("cafe", "bead", "cafe", "???"));
        }
        CheckpointProbes probes = tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(checkpoint.resolve(CheckpointStore.PROBES_FILE).toFile(), CheckpointProbes.class);
        assertThat(probes.probes()).extracting(CheckpointProbes.Probe::name).containsExactly("cafe", "bead");
        assertThat(probes.probes().get(0).probabilities()).containsOnlyKeys("A", "B", "C", "D", "E");
        try (LoadedModel loaded = store.load(checkpoint)) {
            assertThat(probes.mismatch(loaded)).isNull();
        }
    }

    @Test
    void removesWhatAnInterruptedSaveLeft() throws Exception {
        Path checkpoint = saved();
        Files.createDirectories(dir.resolve("ckpt.tmp-123/sub"));
        Files.createDirectories(dir.resolve("ckpt.old-456"));
        Files.createDirectories(dir.resolve("ckpt-other.tmp-1"));

        assertThat(store.removeLeftovers(checkpoint)).hasSize(2);

        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("ckpt", "ckpt-other.tmp-1");
        }
        store.load(checkpoint).close();
    }

    private static void edit(Path file, java.util.function.UnaryOperator<String> change) throws IOException {
        String before = Files.readString(file);
        String after = change.apply(before);
        assertThat(after).as("the edit changes " + file).isNotEqualTo(before);
        Files.writeString(file, after);
    }
}
