package io.github.nameorigin.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a checkpoint uploaded as a zip archive: the checkpoint's files at the top of the
 * archive, or in one folder. Only plain file names are accepted (no paths that climb out of the
 * target), and the unpacked size is bounded.
 */
public final class CheckpointArchive {

    /** Largest unpacked checkpoint accepted: the bundled one is about 7.5 MB. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private CheckpointArchive() {
    }

    /**
     * Unpacks an archive into an empty directory.
     *
     * @param zip  the archive
     * @param into the directory
     * @throws CheckpointException when the archive is not a zip of checkpoint files
     * @throws IOException         when reading or writing fails
     */
    public static void unpack(InputStream zip, Path into) throws CheckpointException, IOException {
        Files.createDirectories(into);
        long total = 0;
        int files = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String[] parts = name.split("/");
                String file = parts[parts.length - 1];
                if (parts.length > 2 || file.isEmpty() || file.equals(".") || file.equals("..")
                        || name.contains("\\") || name.startsWith("/")) {
                    throw new CheckpointException("The archive entry '" + name
                            + "' is not a checkpoint file (expected files at the top or in one folder)");
                }
                Path target = into.resolve(file);
                if (Files.exists(target)) {
                    throw new CheckpointException("The archive holds '" + file + "' twice");
                }
                long size = Files.copy(new BoundedStream(in, MAX_BYTES - total), target);
                total += size;
                files++;
            }
        } catch (java.util.zip.ZipException e) {
            throw new CheckpointException("The upload is not a valid zip archive: " + e.getMessage(), e);
        } catch (TooLarge e) {
            throw new CheckpointException(e.getMessage(), e);
        }
        if (files == 0) {
            throw new CheckpointException("The upload is not a zip archive of checkpoint files (it holds none)");
        }
    }

    /** The archive unpacks to more than {@link #MAX_BYTES}. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("The archive unpacks to more than " + MAX_BYTES + " bytes");
        }
    }

    /** Fails once more than a limit was read, so a zip bomb cannot fill the disk. */
    private static final class BoundedStream extends java.io.FilterInputStream {

        private long left;

        BoundedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new TooLarge();
                }
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }
}
