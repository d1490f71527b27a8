package io.github.nameorigin.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import ai.djl.Model;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.nameorigin.evaluation.EvaluationReport;
import io.github.nameorigin.evaluation.TrainingHistory;

/**
 * Reads and writes checkpoints. A checkpoint is a directory holding the DJL parameters
 * ({@code name-origin-0000.params}), their SHA-256 ({@code .params.sha256}), {@code metadata.json}
 * ({@link CheckpointMetadata}), {@code evaluation.json} and {@code history.json}, and when the
 * architecture has a linear weight, the linear member ({@code linear-member.bin}, see
 * {@link NgramLogisticRegression}) and its SHA-256.
 *
 * <p>Writes are atomic: everything goes to a temporary sibling directory that is renamed into
 * place. Reads check the format version, the architecture and the parameters' checksum before
 * building the network, then run one forward pass, so a half-written or mismatched checkpoint is
 * rejected with a message naming the problem instead of being served.
 */
public final class CheckpointStore {

    static final String PARAMS_NAME = "name-origin";
    static final String PARAMS_FILE = PARAMS_NAME + "-0000.params";
    static final String CHECKSUM_FILE = PARAMS_FILE + ".sha256";
    static final String METADATA_FILE = "metadata.json";
    static final String EVALUATION_FILE = "evaluation.json";
    static final String HISTORY_FILE = "history.json";
    static final String MEMBER_FILE = "linear-member.bin";
    static final String MEMBER_CHECKSUM_FILE = MEMBER_FILE + ".sha256";
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
                        new java.util.zip.GZIPOutputStream(Files.newOutputStream(tmp.resolve(LANGUAGE_MODEL_FILE)))))) {
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
            replace(tmp, target);
        } catch (IOException | JacksonException e) {
            deleteRecursively(tmp);
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
            deleteRecursively(old);
        }
    }

    /**
     * Copies a new checkpoint's files into an existing directory, each through a temporary name
     * and an atomic rename, metadata last. A crash part-way leaves parameters and checksum (or
     * metadata) that do not match, which loading rejects.
     */
    private static void replaceFiles(Path tmp, Path target) throws IOException {
        List<String> order = List.of(PARAMS_FILE, CHECKSUM_FILE, MEMBER_FILE, MEMBER_CHECKSUM_FILE, EVALUATION_FILE,
                HISTORY_FILE, METADATA_FILE);
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
        deleteRecursively(tmp);
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
                    new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve(LANGUAGE_MODEL_FILE)))))) {
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
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
