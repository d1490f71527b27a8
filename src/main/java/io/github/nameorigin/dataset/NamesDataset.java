package io.github.nameorigin.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.nameorigin.model.NameNormalizer;

/**
 * A labelled names dataset in the format of the PyTorch tutorial: a directory of
 * {@code <Language>.txt} files, UTF-8, one name per line.
 *
 * <p>Reading rules: a leading BOM is dropped, CRLF and LF both end a line, surrounding white space
 * is trimmed, blank lines are skipped. Names are compared in their folded form (accents
 * folded, lower case), so "Müller" and "Muller" are one name, and the split keeps its spellings
 * together; the model reads names with their accents, and trains on each distinct spelling under
 * the language it is listed under. A name listed twice under one
 * language counts once; a name listed under several languages becomes one example with all of
 * them as its labels: training sees it once per label (so the model learns to split its
 * probability) and scoring counts a guess of any of them as a hit.
 *
 * @param origins     the languages, sorted; a label is an index into this list
 * @param names       the distinct names, in a stable order
 * @param fingerprint SHA-256 over the file names and contents
 * @param lines       non-blank lines read
 */
public record NamesDataset(List<String> origins, List<LabelledName> names, String fingerprint, int lines) {

    /**
     * One distinct name and the languages it is listed under.
     *
     * @param name     the first spelling seen, trimmed
     * @param key      the folded form names are compared in
     * @param labels   indices into {@link NamesDataset#origins()}, ascending
     * @param listings each distinct spelling with the language it is listed under, in the order
     *                 read: "Jäger" and "Jager" under German are two, so the model learns both
     */
    public record LabelledName(String name, String key, int[] labels, List<Listing> listings) {

        /**
         * The name as the model reads it when it is scored: the first spelling seen, accents kept
         * ({@link NameNormalizer#spelling(String)}).
         *
         * @return the lower-case spelling
         */
        public String spelling() {
            return listings.get(0).spelling();
        }

        /**
         * The first (lowest) label, used for stratification and single-label scores.
         *
         * @return the label
         */
        public int primary() {
            return labels[0];
        }
    }

    /**
     * A spelling of a name under one language: one training example.
     *
     * @param spelling the lower-case spelling, accents kept ({@link NameNormalizer#spelling(String)})
     * @param label    index into {@link NamesDataset#origins()}
     */
    public record Listing(String spelling, int label) {
    }

    /**
     * Reads a dataset directory.
     *
     * @param dir the directory of {@code <Language>.txt} files
     * @return the dataset
     * @throws IllegalArgumentException when the directory has no such files or no names
     */
    public static NamesDataset read(Path dir) {
        return read(dir, null);
    }

    /**
     * Reads a directory of extra names for the origins of another dataset: each
     * {@code <Language>.txt} must name one of {@code origins} (a source may cover only some of
     * them), and labels index {@code origins}, so the two datasets' names can be trained together.
     *
     * @param dir     the directory of {@code <Language>.txt} files
     * @param origins the base dataset's origins
     * @return the names, labelled in the base dataset's origins
     * @throws IllegalArgumentException when a file names an origin the base dataset lacks
     */
    public static NamesDataset readExtra(Path dir, List<String> origins) {
        return read(dir, origins);
    }

    /**
     * The names of {@code first} and {@code second} (labelled in the same origins), merged by
     * their folded key: a name in both keeps the first spelling and gets the labels and
     * listings of both.
     *
     * @param first  names, such as a split's training names
     * @param second more names, such as an extra source's
     * @return the union, {@code first}'s names first
     */
    public static List<LabelledName> union(List<LabelledName> first, List<LabelledName> second) {
        Map<String, LabelledName> byKey = new LinkedHashMap<>();
        for (LabelledName name : first) {
            byKey.merge(name.key(), name, NamesDataset::merge);
        }
        for (LabelledName name : second) {
            byKey.merge(name.key(), name, NamesDataset::merge);
        }
        return List.copyOf(byKey.values());
    }

    private static LabelledName merge(LabelledName a, LabelledName b) {
        TreeSet<Integer> labels = new TreeSet<>();
        for (int l : a.labels()) {
            labels.add(l);
        }
        for (int l : b.labels()) {
            labels.add(l);
        }
        LinkedHashSet<Listing> listings = new LinkedHashSet<>(a.listings());
        listings.addAll(b.listings());
        return new LabelledName(a.name(), a.key(), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(listings));
    }

    private static NamesDataset read(Path dir, List<String> baseOrigins) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list dataset directory " + dir, e);
        }
        if (baseOrigins == null && files.size() < 2) {
            throw new IllegalArgumentException("Dataset directory " + dir + " needs at least two <Language>.txt files");
        }
        MessageDigest sha = sha256();
        List<String> origins = new ArrayList<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> labels = new LinkedHashMap<>();
        Map<String, Set<Listing>> listings = new HashMap<>();
        int lines = 0;
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String origin = fileName.substring(0, fileName.length() - ".txt".length());
            int label = baseOrigins == null ? origins.size() : baseOrigins.indexOf(origin);
            if (label < 0) {
                throw new IllegalArgumentException("Extra names file " + file + " names an origin that the dataset lacks: "
                        + origin);
            }
            origins.add(origin);
            byte[] bytes = readAll(file);
            sha.update(fileName.getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            for (String line : text.split("\r\n|\r|\n")) {
                String name = line.strip();
                String key = NameNormalizer.normalize(name);
                if (key.isEmpty()) {
                    continue;
                }
                lines++;
                spelling.putIfAbsent(key, name);
                labels.computeIfAbsent(key, k -> new TreeSet<>()).add(label);
                listings.computeIfAbsent(key, k -> new LinkedHashSet<>())
                        .add(new Listing(NameNormalizer.spelling(name), label));
            }
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("Dataset directory " + dir + " has no names");
        }
        List<LabelledName> names = new ArrayList<>(labels.size());
        labels.forEach((key, set) -> names.add(new LabelledName(spelling.get(key), key,
                set.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(listings.get(key)))));
        return new NamesDataset(List.copyOf(baseOrigins == null ? origins : baseOrigins), List.copyOf(names),
                HexFormat.of().formatHex(sha.digest()), lines);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
