package io.github.nameorigin.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import ai.djl.Model;
import org.springframework.util.FileSystemUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;


/**
 * Reads and writes checkpoints. A checkpoint is a directory holding the DJL parameters
 * ({@code name-origin-0000.params}), their SHA-256 ({@code .params.sha256}), {@code metadata.json}
 * ({@link CheckpointMetadata}), {@code evaluation.json} and {@code history.json}, and when the
 * architecture has a linear weight, the linear member ({@code linear-member.bin}, see
 * {@link NgramLogisticRegression}) and its SHA-256; {@code probes.json} ({@link CheckpointProbes});
 * and {@code checksums.sha256} ({@link CheckpointManifest}) over all of them.
 *
 * <p>Writes are atomic: everything goes to a temporary sibling directory that is renamed into
 * place. Reads check every file against the manifest, then the format version and the
 * architecture before building the network, then run the probe names and compare their
 * probabilities with the saved ones, so a half-written, edited or mismatched checkpoint is
 * rejected with a message naming the problem instead of being served.
 */
public class CheckpointStore {

    static final String PARAMS_NAME = "name-origin";
    static final String PARAMS_FILE = PARAMS_NAME + "-0000.params";
    static final String CHECKSUM_FILE = PARAMS_FILE + ".sha256";
    static final String METADATA_FILE = "metadata.json";
    static final String EVALUATION_FILE = "evaluation.json";
    static final String HISTORY_FILE = "history.json";
    static final String MEMBER_FILE = "linear-member.bin";
    static final String MEMBER_CHECKSUM_FILE = MEMBER_FILE + ".sha256";
    static final String PROBES_FILE = "probes.json";
    /** How many probe names a checkpoint saved without validation names gets. */
    static final int DEFAULT_PROBES = 36;
    static final String LANGUAGE_MODEL_FILE = "name-likelihood.bin.gz";

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * Whether a checkpoint appears to be present (its metadata file exists).
     *
     * @param dir the checkpoint directory
     * @return true when there is something to load
     */
    public boolean isPresent(Path dir) {
        return Files.isRegularFile(dir.resolve(METADATA_FILE));
    }

    /**
     * Saves a trained model, atomically replacing any checkpoint in {@code dir}.
     *
     * @param dir   the checkpoint directory
     * @param model the model to save
     * @throws IOException when writing fails; the previous checkpoint is then left in place
     */
    public void save(Path dir, LoadedModel model) throws IOException {
        save(dir, model, defaultProbeNames(model.metadata().vocabulary()));
    }

    /**
     * Saves a trained model with the names whose probabilities a load checks (a few dozen
     * validation names), atomically replacing any checkpoint in {@code dir}.
     *
     * @param dir        the checkpoint directory
     * @param model      the model to save
     * @param probeNames names to record the model's probabilities of
     * @throws IOException when writing fails; the previous checkpoint is then left in place
     */
    public void save(Path dir, LoadedModel model, List<String> probeNames) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, target.getFileName() + ".tmp-");
        try {
            // Temporary directories are owner-only; a checkpoint must be readable by other users
            // (the container runs as a non-root user).
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            model.djlModel().save(tmp, PARAMS_NAME);
            Files.writeString(tmp.resolve(CHECKSUM_FILE), sha256(tmp.resolve(PARAMS_FILE)) + "\n");
            if (model.member() != null) {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(tmp.resolve(MEMBER_FILE))))) {
                    model.member().write(out);
                }
                Files.writeString(tmp.resolve(MEMBER_CHECKSUM_FILE), sha256(tmp.resolve(MEMBER_FILE)) + "\n");
            }
            if (model.languageModel() != null) {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        new GZIPOutputStream(Files.newOutputStream(tmp.resolve(LANGUAGE_MODEL_FILE)))))) {
                    model.languageModel().write(out);
                }
            }
            json.writeValue(tmp.resolve(METADATA_FILE).toFile(), model.metadata());
            if (model.evaluation() != null) {
                json.writeValue(tmp.resolve(EVALUATION_FILE).toFile(), model.evaluation());
            }
            if (model.history() != null) {
                json.writeValue(tmp.resolve(HISTORY_FILE).toFile(), model.history());
            }
            json.writeValue(tmp.resolve(PROBES_FILE).toFile(), CheckpointProbes.record(model, probeNames));
            CheckpointManifest.write(tmp);
            replace(tmp, target);
        } catch (IOException | JacksonException e) {
            FileSystemUtils.deleteRecursively(tmp);
            throw e instanceof IOException io ? io : new IOException("Cannot write checkpoint JSON", e);
        }
    }

    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling(target.getFileName() + ".old-" + System.nanoTime());
            try {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // The directory itself cannot be renamed (a mount point, as a container volume
                // mounted on the checkpoint directory is): replace its files one by one instead.
                replaceFiles(tmp, target);
                return;
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        if (old != null) {
            FileSystemUtils.deleteRecursively(old);
        }
    }

    /**
     * Copies a new checkpoint's files into an existing directory, each through a temporary name
     * and an atomic rename, metadata last. A crash part-way leaves parameters and checksum (or
     * metadata) that do not match, which loading rejects.
     */
    private static void replaceFiles(Path tmp, Path target) throws IOException {
        List<String> order = List.of(PARAMS_FILE, CHECKSUM_FILE, MEMBER_FILE, MEMBER_CHECKSUM_FILE, EVALUATION_FILE,
                HISTORY_FILE, PROBES_FILE, CheckpointManifest.FILE, METADATA_FILE);
        Files.deleteIfExists(target.resolve(METADATA_FILE));
        for (String name : order) {
            Path source = tmp.resolve(name);
            Path destination = target.resolve(name);
            if (!Files.exists(source)) {
                Files.deleteIfExists(destination);
                continue;
            }
            Path partial = target.resolve("." + name + ".partial");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        FileSystemUtils.deleteRecursively(tmp);
    }

    /**
     * Loads a checkpoint.
     *
     * @param dir the checkpoint directory
     * @return the model, ready to serve; the caller owns it
     * @throws CheckpointException when anything is missing, corrupt or incompatible
     */
    public LoadedModel load(Path dir) throws CheckpointException {
        if (!isPresent(dir)) {
            throw new CheckpointException("No checkpoint at " + dir + " (" + METADATA_FILE + " is missing)");
        }
        CheckpointManifest.verify(dir);
        CheckpointProbes probes = readJson(dir.resolve(PROBES_FILE), CheckpointProbes.class, true);
        LoadedModel loaded = loadUnchecked(dir);
        String mismatch;
        try {
            mismatch = probes.mismatch(loaded);
        } catch (RuntimeException e) {
            mismatch = e.getMessage();
        }
        if (mismatch != null) {
            loaded.close();
            throw new CheckpointException("Checkpoint " + dir + " does not behave as the model that was saved ("
                    + PROBES_FILE + "): " + mismatch);
        }
        return loaded;
    }

    /**
     * Adds the probes and the manifest to a checkpoint written before them, in place: its other
     * files stay as they are, so checkpoints trained earlier can be checked from now on.
     *
     * @param dir        the checkpoint directory
     * @param probeNames names to record the model's probabilities of
     * @throws CheckpointException when the checkpoint does not load
     * @throws IOException         when the new files cannot be written
     */
    public void seal(Path dir, List<String> probeNames) throws CheckpointException, IOException {
        try (LoadedModel model = loadUnchecked(dir)) {
            json.writeValue(dir.resolve(PROBES_FILE).toFile(), CheckpointProbes.record(model, probeNames));
        }
        CheckpointManifest.write(dir);
    }

    /** Loads a checkpoint without the manifest and probe checks. */
    LoadedModel loadUnchecked(Path dir) throws CheckpointException {
        CheckpointMetadata metadata = readJson(dir.resolve(METADATA_FILE), CheckpointMetadata.class, true);
        validate(dir, metadata);
        verifyChecksum(dir, PARAMS_FILE, CHECKSUM_FILE);
        NgramLogisticRegression member = null;
        if (metadata.architecture().linearWeight() > 0) {
            verifyChecksum(dir, MEMBER_FILE, MEMBER_CHECKSUM_FILE);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(dir.resolve(MEMBER_FILE))))) {
                member = NgramLogisticRegression.read(in, metadata.origins().size());
            } catch (IOException e) {
                throw new CheckpointException("Linear member " + dir.resolve(MEMBER_FILE) + " is not valid: "
                        + e.getMessage(), e);
            }
        }
        CharacterLanguageModel languageModel = null;
        if (Files.exists(dir.resolve(LANGUAGE_MODEL_FILE))) {
            // gzip's own CRC checks the file; a checkpoint without it serves no unknownScore
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new GZIPInputStream(Files.newInputStream(dir.resolve(LANGUAGE_MODEL_FILE)))))) {
                languageModel = CharacterLanguageModel.read(in);
            } catch (IOException e) {
                throw new CheckpointException("Character language model " + dir.resolve(LANGUAGE_MODEL_FILE)
                        + " is not valid: " + e.getMessage(), e);
            }
        }
        EvaluationReport evaluation = readJson(dir.resolve(EVALUATION_FILE), EvaluationReport.class, false);
        TrainingHistory history = readJson(dir.resolve(HISTORY_FILE), TrainingHistory.class, false);
        Model model = NetworkFactory.model(metadata.architecture(),
                new Vocabulary(metadata.vocabulary()).size(), metadata.origins().size());
        try {
            model.load(dir, PARAMS_NAME);
            LoadedModel loaded = new LoadedModel(model, metadata, evaluation, history, member, languageModel);
            // One forward pass over a one-letter name proves the parameters fit the network.
            String letter = metadata.vocabulary().codePoints().filter(Character::isLetter)
                    .mapToObj(Character::toString).findFirst().orElseThrow(() ->
                            new IllegalStateException("the vocabulary has no letter"));
            float[][] probe = loaded.predict(List.of(letter));
            if (probe[0].length != metadata.origins().size()) {
                throw new IllegalStateException("the network has " + probe[0].length + " outputs");
            }
            return loaded;
        } catch (Exception e) {
            model.close();
            throw new CheckpointException("Parameters in " + dir.resolve(PARAMS_FILE) + " do not fit the "
                    + metadata.architecture() + " network described by " + METADATA_FILE + ": " + e.getMessage(), e);
        }
    }

    private static void validate(Path dir, CheckpointMetadata metadata) throws CheckpointException {
        String problem = null;
        if (metadata.formatVersion() != CheckpointMetadata.FORMAT_VERSION) {
            problem = "format version " + metadata.formatVersion() + " is not supported (expected "
                    + CheckpointMetadata.FORMAT_VERSION + ")";
        } else if (metadata.architecture() == null
                || !NetworkFactory.ARCHITECTURES.contains(metadata.architecture().architecture())) {
            problem = "unknown architecture " + metadata.architecture();
        } else if (metadata.origins() == null || metadata.origins().size() < 2) {
            problem = "fewer than two origins";
        } else if (metadata.vocabulary() == null || metadata.vocabulary().isEmpty()) {
            problem = "empty vocabulary";
        } else if (!(metadata.temperature() > 0)) {
            problem = "temperature " + metadata.temperature() + " is not positive";
        }
        if (problem != null) {
            throw new CheckpointException("Incompatible checkpoint " + dir.resolve(METADATA_FILE) + ": " + problem);
        }
    }

    private static void verifyChecksum(Path dir, String file, String checksumFile) throws CheckpointException {
        Path checked = dir.resolve(file);
        Path sum = dir.resolve(checksumFile);
        try {
            if (!Files.isRegularFile(checked)) {
                throw new CheckpointException("Checkpoint file " + checked + " is missing");
            }
            String expected = Files.readString(sum).strip();
            String actual = sha256(checked);
            if (!expected.equalsIgnoreCase(actual)) {
                throw new CheckpointException("Checkpoint file " + checked
                        + " is truncated or corrupt (SHA-256 " + actual + ", expected " + expected + ")");
            }
        } catch (IOException e) {
            throw new CheckpointException("Cannot read " + checked + " or its checksum " + sum + ": " + e, e);
        }
    }

    private <T> T readJson(Path file, Class<T> type, boolean required) throws CheckpointException {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new CheckpointException("Checkpoint file " + file + " is missing");
            }
            return null;
        }
        try {
            return json.readValue(file.toFile(), type);
        } catch (JacksonException e) {
            throw new CheckpointException("Checkpoint file " + file + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    static String sha256(Path file) throws IOException {
        return CheckpointManifest.sha256(file);
    }

    /**
     * Probe names for a model saved without validation names: short strings of the
     * vocabulary's letters, the same for the same vocabulary.
     */
    static List<String> defaultProbeNames(String vocabulary) {
        int[] letters = vocabulary.codePoints().filter(Character::isLetter).toArray();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; letters.length > 0 && i < DEFAULT_PROBES; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = 0; j < 3 + i % 6; j++) {
                name.appendCodePoint(letters[(i * 7 + j * 3) % letters.length]);
            }
            names.add(name.toString());
        }
        return names;
    }

    /**
     * Removes what an interrupted save leaves beside a checkpoint directory: its
     * {@code <name>.tmp-*} and {@code <name>.old-*} siblings. Only one process may save into the
     * directory's parent meanwhile (a save in progress has such a sibling).
     *
     * @param dir the checkpoint directory
     * @return the directories removed
     * @throws IOException when one cannot be removed
     */
    public List<Path> removeLeftovers(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String name = target.getFileName().toString();
        List<Path> removed = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> siblings = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(name + ".tmp-")
                        || p.getFileName().toString().startsWith(name + ".old-"))) {
            for (Path leftover : siblings) {
                FileSystemUtils.deleteRecursively(leftover);
                removed.add(leftover);
            }
        }
        return removed;
    }
}
