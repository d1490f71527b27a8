package io.github.nameorigin.scoring;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * The score command: scores the names of a CSV or TSV file on the loaded model and writes them
 * with their origin, probability and prediction set, then exits. Active only when
 * {@code nameorigin.score.input} is set, e.g.
 * <pre>
 * java -Dai.djl.pytorch.num_threads=1 -jar target/name-origin.jar --spring.main.web-application-type=none \
 *     --nameorigin.mode=load --nameorigin.score.input=names.csv --nameorigin.score.column=surname \
 *     --nameorigin.score.output=scored.csv
 * </pre>
 * Progress goes to standard error: a bar on a terminal, plain lines otherwise. Exit status: 0
 * when the file was scored (reported rows included), 1 when scoring failed, 2 when no model could
 * be loaded or trained.
 */
@Component
@ConditionalOnProperty("nameorigin.score.input")
class ScoreCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScoreCommand.class);

    private final ModelRegistry registry;
    private final NameOriginProperties.Score config;
    private final ConfigurableApplicationContext context;
    private final PrintStream err;
    private final boolean terminal;

    @Autowired
    ScoreCommand(ModelRegistry registry, NameOriginProperties properties, ConfigurableApplicationContext context) {
        this(registry, properties.score(), context, System.err, System.console() != null);
    }

    ScoreCommand(ModelRegistry registry, NameOriginProperties.Score config, ConfigurableApplicationContext context,
            PrintStream err, boolean terminal) {
        this.registry = registry;
        this.config = config;
        this.context = context;
        this.err = err;
        this.terminal = terminal;
    }

    /** Scores on its own thread: the model is loaded on the ready event, after the runners. */
    @Override
    public void run(ApplicationArguments args) {
        new Thread(this::scoreAndExit, "score-command").start();
    }

    private void scoreAndExit() {
        int status;
        try {
            status = score();
        } catch (IOException | RuntimeException e) {
            log.error("Scoring failed: {}", e.getMessage());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        int code = status;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /**
     * Waits for a model and scores the file.
     *
     * @return the exit status
     */
    int score() throws IOException, InterruptedException {
        if (config.output() == null) {
            log.error("Set nameorigin.score.output to the file to write");
            return 1;
        }
        ModelState state = registry.awaitSettled();
        if (state != ModelState.READY) {
            log.error("No model to score with: {}", registry.failure().orElse(state.toString()));
            return 2;
        }
        Path input = config.input();
        CSVFormat format = format(input);
        AtomicLong bytes = new AtomicLong();
        ScoreProgress progress = new ScoreProgress(err, terminal, Files.size(input), bytes::get);
        long started = System.nanoTime();
        BulkScorer.Outcome outcome;
        try (InputStream raw = new Counting(Files.newInputStream(input), bytes);
                BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16);
                Writer out = new BufferedWriter(Files.newBufferedWriter(config.output(), StandardCharsets.UTF_8), 1 << 16)) {
            outcome = registry.withClassifier(classifier -> {
                Double coverage = classifier.predictionSets() == null ? null : config.coverage();
                if (coverage == null) {
                    err.println("score: the model has no prediction sets; the set column stays empty");
                }
                BulkScorer scorer = new BulkScorer(classifier, config.batchSize(), config.threads(), coverage,
                        problem -> err.println((terminal ? "\r" : "") + "score: " + input.getFileName() + " " + problem));
                try {
                    return scorer.score(in, out, format, config.column(), progress::update);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        long rows = outcome.scored() + outcome.unscored();
        progress.finish(rows);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "Scored %,d names in %.1f s (%,.0f names/s) into %s; %,d written without a "
                + "prediction, %,d malformed rows left out%n", outcome.scored(), seconds, rows / seconds,
                config.output(), outcome.unscored(), outcome.malformed());
        return 0;
    }

    /** Tabs for a {@code .tsv} file, commas otherwise; a header row; lines end with a line feed. */
    static CSVFormat format(Path input) {
        boolean tabs = input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
        return CSVFormat.DEFAULT.builder().setDelimiter(tabs ? '\t' : ',').setRecordSeparator('\n').get();
    }

    /** Counts the bytes read, for the share done. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
