package io.github.nameorigin.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import io.github.nameorigin.evaluation.EvaluationReport;
import io.github.nameorigin.evaluation.Evaluator;
import io.github.nameorigin.evaluation.TemperatureScaling;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.ValidationMetrics;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Hyperparameter experiment runner (not a test): trains with {@link ModelTrainer} on a dataset for
 * several split seeds and prints the validation figures with mean and standard deviation.
 *
 * <p>Usage: {@code TrainingExperiment <dataDir> <label> <seeds, comma-separated> [nameorigin.key=value ...]}.
 * Properties are bound exactly as the application binds them, so unset keys take the
 * {@code @DefaultValue}s. One line per run is appended to {@code target-exp/results.tsv}. With
 * {@code -Dexperiment.prior-adjustment=true} each run is also re-scored with post-hoc logit
 * adjustment at several strengths.
 */
public final class TrainingExperiment {

    private TrainingExperiment() {
    }

    /**
     * Re-scores the validation names with the log class prior subtracted (Menon et al. 2021,
     * arXiv:2007.07314) at several strengths, refitting the temperature each time.
     */
    private static void priorAdjustments(NamesDataset dataset, NameOriginProperties.Training training,
            LoadedModel model) {
        DatasetSplit split = DatasetSplit.of(dataset, training.validationFraction(), training.seed());
        int k = model.origins().size();
        double[] prior = new double[k];
        for (NamesDataset.LabelledName name : split.train()) {
            for (int label : name.labels()) {
                prior[label]++;
            }
        }
        double total = Arrays.stream(prior).sum();
        List<String> names = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        for (NamesDataset.LabelledName name : split.validation()) {
            if (model.isUsable(name.name())) {
                names.add(name.name());
                gold.add(name.labels());
            }
        }
        float[][] probabilities = model.predict(names);
        for (double tau : new double[] {0, 0.25, 0.5, 0.75, 1.0}) {
            float[][] adjusted = new float[probabilities.length][k];
            for (int i = 0; i < probabilities.length; i++) {
                for (int c = 0; c < k; c++) {
                    adjusted[i][c] = (float) (Math.log(Math.max(1e-30, probabilities[i][c]))
                            - tau * Math.log(prior[c] / total));
                }
            }
            float t = TemperatureScaling.fit(adjusted, gold);
            EvaluationReport report = Evaluator.evaluate(model.origins(),
                    TemperatureScaling.softmax(adjusted, t), gold, null, (double) t);
            System.out.printf("ADJ tau=%.2f top1=%.4f top3=%.4f macroF1=%.4f ece=%.4f T=%.2f%n", tau,
                    report.top1(), report.top3(), report.macroF1(), report.ece(), t);
        }
    }

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger(ModelTrainer.class)).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger(TrainingLoop.class)).setLevel(
                Boolean.getBoolean("experiment.verbose") ? Level.INFO : Level.WARN);
        Path data = Path.of(args[0]);
        String label = args[1];
        String[] seeds = args[2].split(",");
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            overrides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        NamesDataset dataset = NamesDataset.read(data);
        List<double[]> rows = new ArrayList<>();
        for (String seed : seeds) {
            Map<String, String> map = new LinkedHashMap<>(overrides);
            map.put("nameorigin.training.seed", seed);
            NameOriginProperties properties = new Binder(new MapConfigurationPropertySource(map))
                    .bindOrCreate("nameorigin", NameOriginProperties.class);
            long started = System.nanoTime();
            try (LoadedModel model = new ModelTrainer(properties.model(), properties.training(), new TrainingMonitor())
                    .train(dataset)) {
                double seconds = (System.nanoTime() - started) / 1e9;
                ValidationMetrics v = model.metadata().validation();
                double[] row = {v.top1(), v.top3(), v.macroF1(), v.eceRaw(), v.ece(),
                        model.metadata().temperature(), seconds};
                rows.add(row);
                StringBuilder perOrigin = new StringBuilder("F1");
                model.evaluation().perOrigin().forEach(o -> perOrigin.append(' ').append(o.origin(), 0, 3)
                        .append('=').append("%.2f".formatted(o.f1())).append('/').append(o.support()));
                System.out.println(perOrigin);
                if (Boolean.getBoolean("experiment.prior-adjustment")) {
                    priorAdjustments(dataset, properties.training(), model);
                }
                String line = "%s\tseed=%s\ttop1=%.4f\ttop3=%.4f\tmacroF1=%.4f\teceRaw=%.4f\tece=%.4f\tT=%.2f\ts=%.1f\t%s"
                        .formatted(label, seed, row[0], row[1], row[2], row[3], row[4], row[5], row[6], overrides);
                System.out.println(line);
                Files.writeString(Path.of("target-exp/results.tsv"), line + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
        String[] names = {"top1", "top3", "macroF1", "eceRaw", "ece", "T", "seconds"};
        StringBuilder summary = new StringBuilder("SUMMARY " + label + " (" + rows.size() + " seeds):");
        for (int c = 0; c < names.length; c++) {
            double mean = 0;
            for (double[] r : rows) {
                mean += r[c];
            }
            mean /= rows.size();
            double var = 0;
            for (double[] r : rows) {
                var += (r[c] - mean) * (r[c] - mean);
            }
            double std = rows.size() > 1 ? Math.sqrt(var / (rows.size() - 1)) : 0;
            summary.append(" %s=%.4f±%.4f".formatted(names[c], mean, std));
        }
        System.out.println(summary);
        Files.writeString(Path.of("target-exp/results.tsv"), summary + "\t" + overrides + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
