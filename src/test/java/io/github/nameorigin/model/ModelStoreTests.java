package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTests {

    @TempDir
    Path dir;

    @Test
    void idsSortByCreationAndSayTheirSource() throws Exception {
        ModelStore store = new ModelStore(dir.resolve("models"));
        Instant at = Instant.parse("2026-12-05T07:15:00.700Z");
        String first = store.newId("trained", at);
        assertThat(first).isEqualTo("20261205T071500Z-trained");
        store.write(new ModelVersion(first, at, "trained", VersionStatus.CANDIDATE, null, null, null, null));

        String second = store.newId("imported", at);

        assertThat(second).isEqualTo("20261205T071501Z-imported");
        assertThat(List.of(second, first).stream().sorted().toList()).containsExactly(first, second);
        assertThatThrownBy(() -> store.checkpointDir("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePointerMarksTheActiveVersionAndTheOneBeforeRetired() throws Exception {
        ModelStore store = new ModelStore(dir);
        String a = write(store, "20260101T000000Z-bundled", VersionStatus.CANDIDATE);
        String b = write(store, "20260101T000001Z-trained", VersionStatus.CANDIDATE);
        assertThat(store.active()).isEmpty();

        store.setActive(a);
        store.write(store.find(a).orElseThrow().with(VersionStatus.ACTIVE, null));
        assertThat(statuses(store)).containsExactly(VersionStatus.ACTIVE, VersionStatus.CANDIDATE);

        store.setActive(b);
        assertThat(store.active()).contains(b);
        assertThat(Files.readString(dir.resolve("active"))).isEqualTo(b + "\n");
        assertThat(statuses(store)).containsExactly(VersionStatus.RETIRED, VersionStatus.ACTIVE);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aFailedVersionStaysFailedWhileThePointerNamesIt() throws Exception {
        ModelStore store = new ModelStore(dir);
        String a = write(store, "20260101T000000Z-bundled", VersionStatus.ACTIVE);
        store.setActive(a);
        store.write(store.find(a).orElseThrow().with(VersionStatus.FAILED, "metadata.json was changed"));

        assertThat(store.find(a)).get().extracting(ModelVersion::status, ModelVersion::reason)
                .containsExactly(VersionStatus.FAILED, "metadata.json was changed");
    }

    @Test
    void onlyOneHolderOfTheTrainingLock() throws Exception {
        ModelStore store = new ModelStore(dir);
        Optional<FileLock> first = store.tryLock();
        assertThat(first).isPresent();
        assertThat(store.tryLock()).isEmpty();
        ModelStore.release(first.get());
        Optional<FileLock> again = store.tryLock();
        assertThat(again).isPresent();
        ModelStore.release(again.get());
    }

    @Test
    void deletesAVersionAndRemovesLeftovers() throws Exception {
        ModelStore store = new ModelStore(dir);
        String a = write(store, "20260101T000000Z-trained", VersionStatus.CANDIDATE);
        Files.createDirectories(dir.resolve(a).resolve("checkpoint.tmp-42"));
        Files.createDirectories(dir.resolve(a).resolve("checkpoint.old-43"));
        Files.writeString(dir.resolve(".active.123.tmp"), "x");

        assertThat(store.removeLeftovers()).hasSize(3);
        assertThat(Files.exists(dir.resolve(a).resolve("version.json"))).isTrue();

        store.delete(a);
        assertThat(store.list()).isEmpty();
        assertThat(Files.exists(dir.resolve(a))).isFalse();
    }

    private static String write(ModelStore store, String id, VersionStatus status) throws Exception {
        store.write(new ModelVersion(id, Instant.now(), id.substring(id.indexOf('-') + 1), status, null, null, null,
                null));
        return id;
    }

    private static List<VersionStatus> statuses(ModelStore store) {
        return store.list().stream().map(ModelVersion::status).toList();
    }
}
