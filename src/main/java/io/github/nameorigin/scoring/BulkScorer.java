package io.github.nameorigin.scoring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.model.PredictionSets;

/**
 * Scores a delimited file of names in a pipeline: this thread reads and parses rows into batches,
 * {@code threads} workers score the batches on the model, and a writer thread writes them back in
 * input order. A bounded queue between reading and writing keeps at most a few batches in memory,
 * whatever the file's size.
 *
 * <p>A row whose number of fields differs from the header's is reported with its line number and
 * left out; a row whose name is blank or has no letter the model knows is written with empty
 * results and reported. A quote left open swallows the rest of the file, so it ends the run.
 */
final class BulkScorer {

    /** Columns added to the input's. */
    static final List<String> ADDED = List.of("origin", "probability", "set");

    /**
     * What happened.
     *
     * @param scored    rows written with a prediction
     * @param unscored  rows written with empty results (blank or unreadable name)
     * @param malformed rows reported and left out
     */
    record Outcome(long scored, long unscored, long malformed) {
    }

    private final OriginClassifier classifier;
    private final int batchSize;
    private final int threads;
    private final Double coverage;
    private final Consumer<String> problems;

    /**
     * @param classifier the model; must be safe for concurrent calls
     * @param batchSize  names per forward pass
     * @param threads    scoring threads
     * @param coverage   coverage of the written sets, or null to leave the column empty
     * @param problems   receives one line per reported row
     */
    BulkScorer(OriginClassifier classifier, int batchSize, int threads, Double coverage, Consumer<String> problems) {
        this.classifier = classifier;
        this.batchSize = batchSize;
        this.threads = threads;
        this.coverage = coverage;
        this.problems = problems;
    }

    /** A batch of rows as read: the input fields and the names to score. */
    private record Batch(List<String[]> rows, List<String> names, boolean[] usable) {
    }

    /**
     * Scores the input into the output.
     *
     * @param in       the input, with a header row
     * @param out      the output
     * @param format   the input's and output's format (delimiter)
     * @param column   the header of the names' column
     * @param progress told the number of rows finished after each written batch
     * @return the counts
     * @throws IllegalArgumentException when the header lacks the column
     */
    Outcome score(Reader in, Writer out, CSVFormat format, String column, Consumer<Long> progress)
            throws IOException, InterruptedException {
        CSVFormat reading = format.builder().setHeader().setSkipHeaderRecord(true).get();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "score-worker");
            thread.setDaemon(true);
            return thread;
        });
        try (CSVParser parser = CSVParser.parse(in, reading)) {
            List<String> header = parser.getHeaderNames();
            int nameColumn = header.indexOf(column);
            if (nameColumn < 0) {
                throw new IllegalArgumentException("The header has no column '" + column + "'; it has " + header);
            }
            List<String> outHeader = new ArrayList<>(header);
            outHeader.addAll(ADDED);
            CSVPrinter printer = new CSVPrinter(out, format.builder().setHeader(outHeader.toArray(String[]::new)).get());
            // in input order; its bound is what keeps memory flat
            BlockingQueue<Future<List<String[]>>> pending = new ArrayBlockingQueue<>(2 * threads + 2);
            Writing writing = new Writing(pending, printer, progress);
            Thread writer = new Thread(writing, "score-writer");
            writer.start();
            long malformed = 0;
            long unscored = 0;
            try {
                Batch batch = newBatch();
                Iterator<CSVRecord> records = parser.iterator();
                while (writing.failure == null && hasNext(records, parser)) {
                    CSVRecord record = records.next();
                    if (record.size() != header.size()) {
                        malformed++;
                        problems.accept("line " + lineOf(record, parser) + ": " + record.size() + " fields, the header has "
                                + header.size() + "; row left out");
                        continue;
                    }
                    String name = record.get(nameColumn).strip();
                    boolean usable = !name.isEmpty() && classifier.isUsable(name);
                    if (!usable) {
                        unscored++;
                        problems.accept("line " + lineOf(record, parser) + ": " + (name.isEmpty() ? "no name"
                                : "no letter the model knows") + "; written without a prediction");
                    }
                    batch.usable()[batch.rows().size()] = usable;
                    batch.rows().add(record.values());
                    batch.names().add(usable ? name : null);
                    if (batch.rows().size() == batchSize) {
                        Batch full = batch;
                        pending.put(workers.submit(() -> score(full)));
                        batch = newBatch();
                    }
                }
                if (!batch.rows().isEmpty()) {
                    Batch last = batch;
                    pending.put(workers.submit(() -> score(last)));
                }
            } finally {
                pending.put(Writing.END);
                writer.join();
            }
            if (writing.failure != null) {
                throw new IOException("Writing the output failed", writing.failure);
            }
            printer.flush();
            return new Outcome(writing.written - unscored, unscored, malformed);
        } finally {
            workers.shutdownNow();
        }
    }

    private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser) throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new IOException("Unreadable input after line " + parser.getCurrentLineNumber() + " (" + e.getCause()
                    .getMessage() + "); a quote left open takes the rest of the file", e);
        }
    }

    /**
     * The line the record ends on: the parser has read up to the record's line end when it hands
     * the record out (the header is line 1). A last row without a line end has not been counted yet.
     */
    private static long lineOf(CSVRecord record, CSVParser parser) {
        return Math.max(parser.getCurrentLineNumber(), record.getRecordNumber() + 1);
    }

    private Batch newBatch() {
        return new Batch(new ArrayList<>(batchSize), new ArrayList<>(batchSize), new boolean[batchSize]);
    }

    /** Scores the usable names of a batch and returns its output rows. */
    private List<String[]> score(Batch batch) {
        List<String> names = new ArrayList<>(batch.names().size());
        for (String name : batch.names()) {
            if (name != null) {
                names.add(name);
            }
        }
        float[][] probabilities = names.isEmpty() ? new float[0][] : classifier.predict(names);
        List<String> origins = classifier.origins();
        PredictionSets sets = coverage == null ? null : classifier.predictionSets();
        List<String[]> rows = new ArrayList<>(batch.rows().size());
        int next = 0;
        for (int i = 0; i < batch.rows().size(); i++) {
            String[] in = batch.rows().get(i);
            String[] row = Arrays.copyOf(in, in.length + ADDED.size());
            if (batch.usable()[i]) {
                float[] p = probabilities[next++];
                int top = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[top]) {
                        top = c;
                    }
                }
                row[in.length] = origins.get(top);
                row[in.length + 1] = BigDecimal.valueOf(Math.round(p[top] * 10_000d), 4).stripTrailingZeros()
                        .toPlainString();
                if (sets != null) {
                    StringBuilder set = new StringBuilder();
                    for (int origin : sets.set(p, coverage)) {
                        set.append(set.isEmpty() ? "" : "|").append(origins.get(origin));
                    }
                    row[in.length + 2] = set.toString();
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The writer thread: writes scored batches in input order until the end marker. */
    private static final class Writing implements Runnable {

        static final Future<List<String[]>> END = java.util.concurrent.CompletableFuture.completedFuture(null);

        private final BlockingQueue<Future<List<String[]>>> pending;
        private final CSVPrinter printer;
        private final Consumer<Long> progress;
        private volatile Throwable failure;
        private volatile long written;

        Writing(BlockingQueue<Future<List<String[]>>> pending, CSVPrinter printer, Consumer<Long> progress) {
            this.pending = pending;
            this.printer = printer;
            this.progress = progress;
        }

        @Override
        public void run() {
            try {
                for (Future<List<String[]>> next = pending.take(); next != END; next = pending.take()) {
                    if (failure != null) {
                        continue; // keep draining so the reader never blocks on a full queue
                    }
                    try {
                        for (String[] row : next.get()) {
                            printer.printRecord((Object[]) row);
                        }
                        written += next.get().size();
                        progress.accept(written);
                    } catch (ExecutionException | IOException | RuntimeException e) {
                        failure = e instanceof ExecutionException ? e.getCause() : e;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
