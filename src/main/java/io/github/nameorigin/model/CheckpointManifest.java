package io.github.nameorigin.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The checksum manifest of a checkpoint, {@code checksums.sha256}: one {@code sha256sum}-style line
 * ({@code <hex>  <file>}) per file of the checkpoint directory, so that {@code sha256sum -c} checks
 * it by hand too. Loading refuses a checkpoint whose manifest is missing, lists a file that is
 * missing or changed, or leaves a file out: every byte a load reads is covered.
 */
final class CheckpointManifest {

    /** The manifest's file name. */
    static final String FILE = "checksums.sha256";

    private CheckpointManifest() {
    }

    /**
     * Writes the manifest over every regular file in {@code dir} (the manifest itself excepted).
     *
     * @param dir a checkpoint directory whose files are all written
     * @throws IOException when a file cannot be read or the manifest written
     */
    static void write(Path dir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> entry : digests(dir).entrySet()) {
            lines.append(entry.getValue()).append("  ").append(entry.getKey()).append('\n');
        }
        Files.writeString(dir.resolve(FILE), lines);
    }

    /**
     * Checks every file of {@code dir} against the manifest.
     *
     * @param dir a checkpoint directory
     * @throws CheckpointException naming the first file that is missing, changed or not covered
     */
    static void verify(Path dir) throws CheckpointException {
        Path manifest = dir.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            throw new CheckpointException("Checkpoint " + dir + " has no " + FILE
                    + ": its files cannot be checked (a checkpoint written by an older version must be saved again)");
        }
        Map<String, String> expected = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(manifest)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+\\*?", 2);
                if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F]{64}") || parts[1].contains("/")) {
                    throw new CheckpointException("Checkpoint file " + manifest + " is not valid: line '" + line + "'");
                }
                expected.put(parts[1], parts[0].toLowerCase(java.util.Locale.ROOT));
            }
            Map<String, String> actual = digests(dir);
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                String found = actual.get(entry.getKey());
                if (found == null) {
                    throw new CheckpointException("Checkpoint file " + dir.resolve(entry.getKey())
                            + " is missing (listed in " + FILE + ")");
                }
                if (!found.equals(entry.getValue())) {
                    throw new CheckpointException("Checkpoint file " + dir.resolve(entry.getKey())
                            + " was changed, truncated or corrupted since it was saved (SHA-256 " + found
                            + ", " + FILE + " says " + entry.getValue() + ")");
                }
            }
            for (String file : actual.keySet()) {
                if (!expected.containsKey(file)) {
                    throw new CheckpointException("Checkpoint file " + dir.resolve(file) + " is not covered by "
                            + FILE + "; a checkpoint holds only the files it was saved with");
                }
            }
        } catch (IOException e) {
            throw new CheckpointException("Cannot read checkpoint " + dir + " or its " + FILE + ": " + e, e);
        }
    }

    /** SHA-256 of every regular file of {@code dir} but the manifest, by name. */
    private static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.equals(FILE) && Files.isRegularFile(file)) {
                    digests.put(name, sha256(file));
                }
            }
        }
        return digests;
    }

    /**
     * The SHA-256 of a file, in lower-case hex.
     *
     * @param file the file
     * @return the digest
     * @throws IOException when the file cannot be read
     */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
