package io.github.nameorigin.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.system.NameOriginProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluate command: scores the live model on a directory of {@code <Language>.txt} files,
 * prints the report and exits. Active only when {@code nameorigin.evaluate} is set, e.g.
 * <pre>
 * java -jar target/name-origin.jar --nameorigin.mode=load --nameorigin.evaluate=/path/to/names \
 *     [--nameorigin.evaluate-output=report.json] --spring.main.web-application-type=none
 * </pre>
 * Exit status: 0 when the report was printed, 1 when evaluation failed, 2 when no model could be
 * loaded or trained.
 */
@Component
@ConditionalOnProperty("nameorigin.evaluate")
class EvaluateCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EvaluateCommand.class);
    private static final int BATCH_SIZE = 256;

    private final ModelRegistry registry;
    private final Path evaluate;
    private final Path evaluateOutput;
    private final JsonMapper jsonMapper;
    private final ConfigurableApplicationContext context;
    private final PrintStream out;

    @Autowired
    EvaluateCommand(ModelRegistry registry, NameOriginProperties properties, JsonMapper jsonMapper,
            ConfigurableApplicationContext context) {
        this(registry, properties.evaluate(), properties.evaluateOutput(), jsonMapper, context, System.out);
    }

    EvaluateCommand(ModelRegistry registry, Path evaluate, Path evaluateOutput, JsonMapper jsonMapper,
            ConfigurableApplicationContext context, PrintStream out) {
        this.registry = registry;
        this.evaluate = evaluate;
        this.evaluateOutput = evaluateOutput;
        this.jsonMapper = jsonMapper;
        this.context = context;
        this.out = out;
    }

    /**
     * Starts the evaluation on its own thread: the model may be loaded by a later runner or on
     * the ready event, which must not wait for this one.
     */
    @Override
    public void run(ApplicationArguments args) {
        Thread thread = new Thread(this::evaluateAndExit, "evaluate-command");
        thread.start();
    }

    private void evaluateAndExit() {
        int status;
        try {
            status = evaluate();
        } catch (RuntimeException | IOException e) {
            log.error("Evaluation failed", e);
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        int code = status;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /**
     * Waits for a model, scores it, prints the report and writes the JSON file if asked.
     *
     * @return the exit status
     */
    int evaluate() throws IOException, InterruptedException {
        ModelState state = registry.awaitSettled();
        if (state != ModelState.READY) {
            log.error("No model to evaluate: {}", registry.failure().orElse(state.toString()));
            return 2;
        }
        Path dir = evaluate;
        NamesDataset dataset = NamesDataset.read(dir);
        Double temperature = registry.metadata().map(m -> (double) m.temperature()).orElse(null);
        // one read lock for the whole run, so every batch is scored by the same model
        DatasetScorer.Scored scored = registry.withClassifier(
                classifier -> DatasetScorer.score(dataset, classifier, temperature, BATCH_SIZE));
        out.print(ReportPrinter.format(scored, dir.toString()));
        out.flush();
        Path output = evaluateOutput;
        if (output != null) {
            Files.writeString(output, jsonMapper.writerWithDefaultPrettyPrinter().writeValueAsString(scored.report()));
            log.info("Wrote the evaluation report to {}", output);
        }
        return 0;
    }

}
