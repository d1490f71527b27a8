package io.github.nameorigin.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies a checkpoint directory's files (recursive deletes use Spring's {@code FileSystemUtils}). */
final class FileTrees {

    private FileTrees() {
    }

    /** Copies the regular files of a directory (not its subdirectories) into another. */
    static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
