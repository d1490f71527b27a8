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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.evaluation.Evaluator;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.TemperatureScaling;
import io.github.nameorigin.model.ValidationMetrics;
import io.github.nameorigin.system.NameOriginProperties;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Hyperparameter experiment runner (not a test): trains with {@link ModelTrainer} on a dataset for
 * several split seeds and prints the validation figures with mean and standard deviation.
 *
 * <p>Usage: {@code TrainingExperiment <dataDir> <label> <seeds, comma-separated> [nameorigin.key=value ...]}.
 * Properties are bound exactly as the application binds them, so unset keys take the
 * {@code @DefaultValue}s. One line per run is appended to {@code target-exp/results.tsv}. With
 * {@code -Dexperiment.prior-adjustment=true} each run is also re-scored with post-hoc logit
 * adjustment at several strengths. With {@code -Dexperiment.ensemble=N} each split seed trains N
 * networks from different initialisation seeds and scores the mean of their probabilities. With
 * {@code -Dexperiment.training-share=0.8} each run trains on that share of its training names
 * (the same share of every origin) and validates on the whole validation split: a learning curve.
 * With {@code -Dexperiment.refit-check=true} each split seed compares, on half its validation
 * names, a validated network with one refitted on the training names and the other half. Every
 * run also prints an {@code ACCENTED} line: top-1 over the validation names written with a letter
 * outside ASCII, and each such name's guess. With {@code nameorigin.training.held-out-source} set,
 * each run prints {@code PRIOR} lines: the validation names and the held-out source's unseen names
 * under the training mix raised to the power alpha (1 to 0), and under the tutorial's own mix
 * raised to the power -alpha (negative alpha). With
 * {@code -Dexperiment.wild=<native-script dir>,<other-language dir>,...} it writes each name's
 * answer and unknown score to {@code target-exp/wild-rows-<label>-<seed>.tsv} ({@link WildNamesCheck}).
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
        List<String> names = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        validationNames(split, model, names, gold);
        double[] prior = new double[k];
        for (NamesDataset.LabelledName name : split.train()) {
            for (int label : name.labels()) {
                prior[label]++;
            }
        }
        double total = Arrays.stream(prior).sum();
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

    /**
     * Scores the validation names and the held-out source's unseen names under origin mixes
     * between the training mix and an even one ({@code training^alpha}, alpha 1 to 0), with
     * each origin's top-1 on the held-out names.
     */
    private static void priors(NamesDataset dataset, NameOriginProperties.Training training,
            ExtraNames.Sources sources, LoadedModel model, String label) throws IOException {
        DatasetSplit split = DatasetSplit.of(dataset, training.validationFraction(), training.seed());
        List<NamesDataset.LabelledName> unseen = ExtraNames.unseen(sources.heldOut(),
                ExtraNames.trainingNames(split, sources.trained()), split.validation());
        double[] pi = model.metadata().trainingPrior();
        // the tutorial's own mix (its training lines), for the variants that aim at it rather than
        // at the mix of every training source
        double[] tutorial = new double[pi.length];
        for (NamesDataset.LabelledName name : split.train()) {
            for (NamesDataset.Listing listing : name.listings()) {
                tutorial[listing.label()]++;
            }
        }
        double[] variants = {1, 0.75, 0.5, 0.25, 0, -1, -0.75, -0.5};
        for (double variant : variants) {
            double alpha = Math.abs(variant);
            double[] base = variant < 0 ? tutorial : pi;
            double[] target = new double[pi.length];
            double sum = 0;
            for (int i = 0; i < pi.length; i++) {
                target[i] = Math.pow(base[i], alpha);
                sum += target[i];
            }
            for (int i = 0; i < pi.length; i++) {
                target[i] /= sum;
            }
            io.github.nameorigin.model.OriginPrior prior = new io.github.nameorigin.model.OriginPrior(target);
            ValidationMetrics v = CrossSourceCheck.score(model, split.validation(), prior);
            ValidationMetrics c = CrossSourceCheck.score(model, unseen, prior);
            StringBuilder perOrigin = new StringBuilder();
            for (int o = 0; o < model.origins().size(); o++) {
                int origin = o;
                List<NamesDataset.LabelledName> of = unseen.stream().filter(n -> n.primary() == origin).toList();
                if (!of.isEmpty()) {
                    perOrigin.append(' ').append(model.origins().get(o), 0, 3).append('=')
                            .append("%.2f".formatted(CrossSourceCheck.score(model, of, prior).top1()))
                            .append('/').append(of.size());
                }
            }
            String line = ("%s\tseed=%d\tPRIOR alpha=%.2f (negative: of the tutorial mix)\tval top1=%.4f top3=%.4f ece=%.4f\tcross(%s) n=%d top1=%.4f "
                    + "top3=%.4f ece=%.4f\t%s").formatted(label, training.seed(), variant, v.top1(), v.top3(), v.ece(),
                    sources.heldOutName(), c.names(), c.top1(), c.top3(), c.ece(), perOrigin);
            System.out.println(line);
            Files.writeString(Path.of("target-exp/results.tsv"), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Top-1 over the validation names written with a letter outside ASCII. */
    private static void accented(NamesDataset dataset, NameOriginProperties.Training training, LoadedModel model) {
        DatasetSplit split = DatasetSplit.of(dataset, training.validationFraction(), training.seed());
        List<String> names = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        for (NamesDataset.LabelledName name : split.validation()) {
            if (name.name().chars().anyMatch(c -> c > 0x7f)) {
                names.add(name.name());
                gold.add(name.labels());
            }
        }
        float[][] p = model.predict(names);
        int hits = 0;
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            int guess = best;
            boolean hit = Arrays.stream(gold.get(i)).anyMatch(g -> g == guess);
            hits += hit ? 1 : 0;
            detail.append(' ').append(names.get(i)).append(hit ? "+" : "-").append(model.origins().get(guess), 0, 3);
        }
        System.out.printf("ACCENTED seed=%d hits=%d/%d%s%n", training.seed(), hits, names.size(), detail);
    }

    /** The split's validation names the model can read, with their labels. */
    private static void validationNames(DatasetSplit split, LoadedModel model, List<String> names, List<int[]> gold) {
        for (NamesDataset.LabelledName name : split.validation()) {
            if (model.isUsable(name.name())) {
                names.add(name.name());
                gold.add(name.labels());
            }
        }
    }

    /**
     * Trains {@code members} networks on one split, each from its own initialisation seed, and
     * scores the mean of their calibrated probabilities (temperature refitted on the mean).
     *
     * @return top-1, top-3, macro-F1, ECE before refitting, ECE after, the refitted temperature
     */
    private static double[] ensemble(NamesDataset dataset, NameOriginProperties properties, int members) {
        NameOriginProperties.Training training = properties.training();
        DatasetSplit split = DatasetSplit.of(dataset, training.validationFraction(), training.seed());
        List<String> names = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        float[][] sum = null;
        List<String> origins = null;
        for (int m = 0; m < members; m++) {
            long initSeed = training.seed() + 1000L * m;
            // the split stays the one of the recipe's seed; initialisation and batch order take another
            NameOriginProperties.Training reseeded = new NameOriginProperties.Training(initSeed, training.epochs(),
                    training.iterations(), training.batchSize(), training.learningRate(),
                    training.validationFraction(), training.logEvery(), training.lossEvery(),
                    training.labelSmoothing(), training.cosineDecay(), training.classWeightPower(), false, null);
            try (LoadedModel model = new ModelTrainer(properties.model(), reseeded, new TrainingMonitor())
                    .train(dataset, split, System.nanoTime())) {
                if (sum == null) {
                    validationNames(split, model, names, gold);
                    origins = model.origins();
                }
                float[][] p = model.predict(names);
                if (sum == null) {
                    sum = p;
                } else {
                    for (int i = 0; i < p.length; i++) {
                        for (int c = 0; c < p[i].length; c++) {
                            sum[i][c] += p[i][c];
                        }
                    }
                }
                ValidationMetrics v = model.metadata().validation();
                System.out.printf("MEMBER seed=%d init=%d top1=%.4f top3=%.4f macroF1=%.4f ece=%.4f%n",
                        training.seed(), initSeed, v.top1(), v.top3(), v.macroF1(), v.ece());
            }
        }
        float[][] logMean = new float[sum.length][];
        for (int i = 0; i < sum.length; i++) {
            logMean[i] = new float[sum[i].length];
            for (int c = 0; c < sum[i].length; c++) {
                logMean[i][c] = (float) Math.log(Math.max(1e-30, sum[i][c] / members));
            }
        }
        double eceBefore = Evaluator.expectedCalibrationError(TemperatureScaling.softmax(logMean, 1f), gold,
                Evaluator.ECE_BINS);
        float t = TemperatureScaling.fit(logMean, gold);
        EvaluationReport report = Evaluator.evaluate(origins, TemperatureScaling.softmax(logMean, t), gold,
                eceBefore, (double) t);
        return new double[] {report.top1(), report.top3(), report.macroF1(), eceBefore, report.ece(), t};
    }

    /**
     * Checks the refit on names neither network saw: the split's validation names are dealt
     * alternately into two halves; for each half, one network trains on the training names and is
     * validated and calibrated on that half, a second is refitted on the training names and that
     * half, and both are scored, each with its served calibration, on the other half.
     */
    private static void refitCheck(NamesDataset dataset, NameOriginProperties properties, String label)
            throws IOException {
        NameOriginProperties.Training training = properties.training();
        DatasetSplit split = DatasetSplit.of(dataset, training.validationFraction(), training.seed());
        List<List<NamesDataset.LabelledName>> halves = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < split.validation().size(); i++) {
            halves.get(i % 2).add(split.validation().get(i));
        }
        for (int fold = 0; fold < 2; fold++) {
            DatasetSplit inner = new DatasetSplit(split.train(), halves.get(fold));
            ModelTrainer trainer = new ModelTrainer(properties.model(), training, new TrainingMonitor());
            try (LoadedModel validated = trainer.train(dataset, inner, System.nanoTime());
                    LoadedModel refitted = trainer.refit(dataset, inner, validated, System.nanoTime())) {
                List<String> names = new ArrayList<>();
                List<int[]> gold = new ArrayList<>();
                for (NamesDataset.LabelledName name : halves.get(1 - fold)) {
                    if (validated.isUsable(name.name()) && refitted.isUsable(name.name())) {
                        names.add(name.name());
                        gold.add(name.labels());
                    }
                }
                StringBuilder line = new StringBuilder("%s\tseed=%s\tREFIT fold=%d names=%d"
                        .formatted(label, training.seed(), fold, names.size()));
                for (LoadedModel model : List.of(validated, refitted)) {
                    float[][] p = model.predict(names);
                    EvaluationReport r = Evaluator.evaluate(model.origins(), p, gold, null, null);
                    double confidence = Arrays.stream(p).mapToDouble(row -> {
                        double max = 0;
                        for (float v : row) {
                            max = Math.max(max, v);
                        }
                        return max;
                    }).average().orElse(Double.NaN);
                    line.append("\t%s top1=%.4f top3=%.4f macroF1=%.4f ece=%.4f confidence=%.4f".formatted(
                            model == validated ? "validated" : "refit", r.top1(), r.top3(), r.macroF1(), r.ece(),
                            confidence));
                }
                System.out.println(line);
                Files.writeString(Path.of("target-exp/results.tsv"), line + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
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
            if (Boolean.getBoolean("experiment.refit-check")) {
                refitCheck(dataset, properties, label);
                continue;
            }
            long started = System.nanoTime();
            int members = Integer.getInteger("experiment.ensemble", 1);
            if (members > 1) {
                double[] e = ensemble(dataset, properties, members);
                double[] row = {e[0], e[1], e[2], e[3], e[4], e[5], (System.nanoTime() - started) / 1e9};
                rows.add(row);
                System.out.printf("%s\tseed=%s\tENSEMBLE of %d\ttop1=%.4f\ttop3=%.4f\tmacroF1=%.4f\teceMean=%.4f\tece=%.4f"
                        + "\tT=%.2f%n", label, seed, members, e[0], e[1], e[2], e[3], e[4], e[5]);
                continue;
            }
            double share = Double.parseDouble(System.getProperty("experiment.training-share", "1"));
            ExtraNames.Sources sources = ExtraNames.Sources.read(dataset, properties.extraDataDirs(),
                    properties.training().heldOutSource());
            ModelTrainer trainer = new ModelTrainer(properties.model(), properties.training(), new TrainingMonitor())
                    .withExtraNames(sources.trained(), sources.heldOut(), sources.heldOutName());
            try (LoadedModel model = share < 1 ? trainer.train(dataset, shareOf(dataset, properties.training(), share),
                    System.nanoTime()) : trainer.train(dataset)) {
                double seconds = (System.nanoTime() - started) / 1e9;
                ValidationMetrics v = model.metadata().validation();
                double[] row = {v.top1(), v.top3(), v.macroF1(), v.eceRaw(), v.ece(),
                        model.metadata().temperature(), seconds};
                rows.add(row);
                StringBuilder perOrigin = new StringBuilder("F1");
                model.evaluation().perOrigin().forEach(o -> perOrigin.append(' ').append(o.origin(), 0, 3)
                        .append('=').append("%.2f".formatted(o.f1())).append('/').append(o.support()));
                System.out.println(perOrigin);
                accented(dataset, properties.training(), model);
                if (sources.heldOut() != null) {
                    priors(dataset, properties.training(), sources, model, label);
                }
                if (System.getProperty("experiment.wild") != null) {
                    // names as users send them: -Dexperiment.wild=<native-script dir>,<other-language dir>,...
                    String[] dirs = System.getProperty("experiment.wild").split(",");
                    DatasetSplit split = DatasetSplit.of(dataset, properties.training().validationFraction(),
                            properties.training().seed());
                    io.github.nameorigin.model.OriginPrior uniform = io.github.nameorigin.model.OriginPrior.uniform(
                            model.origins().size());
                    WildNamesCheck wild = new WildNamesCheck(model);
                    wild.scoreNames("validation", split.validation(), uniform);
                    if (sources.heldOut() != null) {
                        wild.scoreNames("cross-source", ExtraNames.unseen(sources.heldOut(),
                                ExtraNames.trainingNames(split, sources.trained()), split.validation()), uniform);
                    }
                    wild.scoreDir("native", Path.of(dirs[0]), true, uniform);
                    for (int d = 1; d < dirs.length; d++) {
                        wild.scoreDir("other", Path.of(dirs[d]), false, uniform);
                    }
                    wild.write(Path.of("target-exp/wild-rows-" + label + "-" + seed + ".tsv"));
                }
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

    /**
     * The recipe's split with only a share of each origin's training names (by primary origin,
     * picked by a seeded shuffle) and the whole validation split.
     */
    static DatasetSplit shareOf(NamesDataset dataset, NameOriginProperties.Training training, double share) {
        DatasetSplit split = DatasetSplit.of(dataset, training.validationFraction(), training.seed());
        java.util.Map<Integer, List<NamesDataset.LabelledName>> byOrigin = new java.util.TreeMap<>();
        for (NamesDataset.LabelledName name : split.train()) {
            byOrigin.computeIfAbsent(name.primary(), k -> new ArrayList<>()).add(name);
        }
        java.util.Random random = new java.util.Random(training.seed());
        List<NamesDataset.LabelledName> kept = new ArrayList<>();
        for (List<NamesDataset.LabelledName> group : byOrigin.values()) {
            java.util.Collections.shuffle(group, random);
            kept.addAll(group.subList(0, (int) Math.max(1, Math.round(share * group.size()))));
        }
        return new DatasetSplit(kept, split.validation());
    }
}
