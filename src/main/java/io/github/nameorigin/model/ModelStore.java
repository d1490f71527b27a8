package io.github.nameorigin.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model store: a directory of model versions, shared by every replica that mounts it.
 *
 * <pre>
 * models/
 *   active                      the id of the served version (written to a temporary file, then renamed)
 *   .training.lock              held (FileChannel.tryLock) by the one replica that trains or tidies up
 *   20261205T071500Z-trained/
 *     version.json              id, source, status, reason, validation, gate verdict
 *     checkpoint/               the checkpoint, never changed once written (see CheckpointStore)
 * </pre>
 *
 * <p>Ids sort by creation (a UTC timestamp to the second) and end with where the version came
 * from. Every small file is replaced atomically, so a reader never sees half of one.
 */
public final class ModelStore {

    /** Shape of a version id. */
    public static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}Z-(bundled|trained|imported)");

    static final String ACTIVE_FILE = "active";
    static final String LOCK_FILE = ".training.lock";
    static final String VERSION_FILE = "version.json";
    static final String CHECKPOINT_DIR = "checkpoint";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path root;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * A store in a directory, created when first written.
     *
     * @param root the directory
     */
    public ModelStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The store's directory.
     *
     * @return the absolute path
     */
    public Path root() {
        return root;
    }

    /**
     * A new, unused id for a version created now.
     *
     * @param source {@code bundled}, {@code trained} or {@code imported}
     * @return the id
     */
    public synchronized String newId(String source) {
        return newId(source, Instant.now());
    }

    /**
     * A new, unused id for a version created at a given time (a later second when taken).
     *
     * @param source {@code bundled}, {@code trained} or {@code imported}
     * @param at     the creation time
     * @return the id
     */
    public synchronized String newId(String source, Instant at) {
        Instant time = at.truncatedTo(ChronoUnit.SECONDS);
        while (true) {
            String stamp = ID_TIME.format(time);
            String id = stamp + "-" + source;
            if (!Files.exists(root.resolve(id)) && list().stream().noneMatch(v -> v.id().startsWith(stamp))) {
                return id;
            }
            time = time.plusSeconds(1);
        }
    }

    /**
     * The id a version created at a given time from a given source has, taken or not: the same
     * bundled checkpoint gets the same id in every replica.
     *
     * @param source {@code bundled}, {@code trained} or {@code imported}
     * @param at     the creation time
     * @return the id
     */
    public static String idAt(String source, Instant at) {
        return ID_TIME.format(at.truncatedTo(ChronoUnit.SECONDS)) + "-" + source;
    }

    /**
     * The directory of a version's checkpoint.
     *
     * @param id the version
     * @return the path, whether or not it exists
     */
    public Path checkpointDir(String id) {
        return versionDir(id).resolve(CHECKPOINT_DIR);
    }

    private Path versionDir(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a version id: " + id);
        }
        return root.resolve(id);
    }

    /**
     * Every version, oldest first, with the active one marked ACTIVE (and one that was active
     * before, RETIRED).
     *
     * @return the versions
     */
    public List<ModelVersion> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String active = active().orElse(null);
        List<ModelVersion> versions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs.sorted()::iterator) {
                String name = dir.getFileName().toString();
                if (ID.matcher(name).matches() && Files.isRegularFile(dir.resolve(VERSION_FILE))) {
                    readVersion(dir).map(v -> withPointer(v, active)).ifPresent(versions::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /**
     * One version.
     *
     * @param id the version's id
     * @return the version, or empty when there is none
     */
    public Optional<ModelVersion> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return readVersion(root.resolve(id)).map(v -> withPointer(v, active().orElse(null)));
    }

    private static ModelVersion withPointer(ModelVersion version, String active) {
        if (version.status() == VersionStatus.FAILED || version.status() == VersionStatus.TRAINING) {
            // a version that no longer loads stays FAILED even while the pointer names it
            return version;
        }
        if (version.id().equals(active)) {
            return version.status() == VersionStatus.ACTIVE ? version : version.with(VersionStatus.ACTIVE, null);
        }
        return version.status() == VersionStatus.ACTIVE ? version.with(VersionStatus.RETIRED, null) : version;
    }

    private Optional<ModelVersion> readVersion(Path dir) {
        Path file = dir.resolve(VERSION_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), ModelVersion.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes (or rewrites) a version's {@code version.json}.
     *
     * @param version the version
     * @throws IOException when it cannot be written
     */
    public void write(ModelVersion version) throws IOException {
        Path dir = versionDir(version.id());
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(VERSION_FILE), json.writeValueAsString(version));
    }

    /**
     * The id the {@code active} pointer names.
     *
     * @return the id, or empty when nothing was activated yet
     */
    public Optional<String> active() {
        try {
            String id = Files.readString(root.resolve(ACTIVE_FILE)).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points {@code active} at a version: a temporary file renamed over the pointer, so every
     * reader sees the old id or the new one.
     *
     * @param id the version
     * @throws IOException when the pointer cannot be written
     */
    public void setActive(String id) throws IOException {
        versionDir(id);
        Files.createDirectories(root);
        writeAtomically(root.resolve(ACTIVE_FILE), id + "\n");
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Copies a checkpoint into a version's {@code checkpoint/} directory: into a temporary sibling
     * first, renamed into place once whole. The version's {@code version.json} is the caller's.
     *
     * @param id     the version
     * @param source a checkpoint directory
     * @throws IOException when it cannot be copied
     */
    public void addCheckpoint(String id, Path source) throws IOException {
        Path target = checkpointDir(id);
        Files.createDirectories(target.getParent());
        if (Files.exists(target) && !Files.exists(target.getParent().resolve(VERSION_FILE))) {
            // a copy cut short before its version.json was written: never listed, never served
            FileSystemUtils.deleteRecursively(target);
        }
        Path tmp = Files.createTempDirectory(target.getParent(), CHECKPOINT_DIR + ".tmp-");
        try {
            FileTrees.copyFiles(source, tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileSystemUtils.deleteRecursively(tmp);
        }
    }

    /**
     * Removes what interrupted writes left in the store: temporary and replaced checkpoint
     * directories and temporary pointer files. Only the holder of the training lock may call it:
     * another replica's save in progress looks the same.
     *
     * @return the paths removed
     * @throws IOException when one cannot be removed
     */
    public List<Path> removeLeftovers() throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".tmp") && name.startsWith(".")) {
                    Files.deleteIfExists(entry);
                    removed.add(entry);
                } else if (ID.matcher(name).matches() && Files.isDirectory(entry)) {
                    removed.addAll(new CheckpointStore().removeLeftovers(entry.resolve(CHECKPOINT_DIR)));
                    try (Stream<Path> files = Files.list(entry)) {
                        for (Path file : (Iterable<Path>) files::iterator) {
                            String fileName = file.getFileName().toString();
                            if (fileName.startsWith(".") && fileName.endsWith(".tmp")) {
                                Files.deleteIfExists(file);
                                removed.add(file);
                            }
                        }
                    }
                }
            }
        }
        return removed;
    }

    /**
     * Deletes a version and its checkpoint.
     *
     * @param id the version
     * @throws IOException when it cannot be removed
     */
    public void delete(String id) throws IOException {
        Path dir = versionDir(id);
        // Its version.json first: a half-deleted version is then no longer listed.
        Files.deleteIfExists(dir.resolve(VERSION_FILE));
        FileSystemUtils.deleteRecursively(dir);
    }

    /**
     * Takes the store's training lock if no process holds it. The operating system releases it
     * when its holder dies, so a crashed replica never blocks the others.
     *
     * @return the lock, to close when done; empty when another process (or this one) holds it
     * @throws IOException when the lock file cannot be opened
     */
    public Optional<FileLock> tryLock() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        }
    }

    /**
     * Releases a lock from {@link #tryLock()} and closes its file.
     *
     * @param lock the lock
     */
    public static void release(FileLock lock) {
        try (FileChannel channel = lock.channel()) {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases the lock too
        }
    }
}
