package io.github.nameorigin.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.nameorigin.evaluation.EvaluationReport;
import io.github.nameorigin.evaluation.Evaluator;
import io.github.nameorigin.evaluation.TemperatureScaling;
import io.github.nameorigin.evaluation.TopLabelCalibration;
import io.github.nameorigin.evaluation.TrainingHistory;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.NameBatch;
import io.github.nameorigin.model.NetworkFactory;
import io.github.nameorigin.model.ValidationMetrics;
import io.github.nameorigin.model.Vocabulary;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Trains a model on a dataset: split by distinct name, vocabulary from the training names, the
 * network from {@link NetworkFactory}, the loop in {@link TrainingLoop}, the best epoch by
 * validation top-1 kept, a temperature and a top-label map fitted on validation, and the
 * validation report (its ECE out of fold, see {@link TopLabelCalibration#outOfFold}).
 * Seeded and deterministic. Only one training may run per JVM (DJL allows one gradient collector).
 */
public final class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);
    private static final int EVAL_BATCH = 512;

    private final NameOriginProperties.Model architecture;
    private final NameOriginProperties.Training config;
    private final TrainingMonitor monitor;
    private final long initSeed;
    private final double trainingShare;

    /**
     * Creates a trainer.
     *
     * @param architecture the network to train
     * @param config       hyperparameters
     * @param monitor      where progress goes
     */
    public ModelTrainer(NameOriginProperties.Model architecture, NameOriginProperties.Training config,
            TrainingMonitor monitor) {
        this(architecture, config, monitor, config.seed());
    }

    /**
     * Creates a trainer whose initialisation and batch order come from another seed than the
     * split, so that several networks can be trained on one split (experiments only: a checkpoint
     * records the split seed alone).
     */
    ModelTrainer(NameOriginProperties.Model architecture, NameOriginProperties.Training config,
            TrainingMonitor monitor, long initSeed) {
        this(architecture, config, monitor, initSeed, 1);
    }

    /**
     * Creates a trainer that trains on only a share of the split's training names (the same share
     * of each origin, chosen with the split seed) and validates on the whole validation split:
     * a learning curve, to estimate what more names would give (experiments only).
     */
    ModelTrainer(NameOriginProperties.Model architecture, NameOriginProperties.Training config,
            TrainingMonitor monitor, long initSeed, double trainingShare) {
        if (!(trainingShare > 0 && trainingShare <= 1)) {
            throw new IllegalArgumentException("trainingShare must be in (0, 1]: " + trainingShare);
        }
        this.architecture = architecture;
        this.config = config;
        this.monitor = monitor;
        this.initSeed = initSeed;
        this.trainingShare = trainingShare;
    }

    /**
     * Trains on a dataset.
     *
     * @param dataset the names
     * @return the trained model; the caller owns it
     */
    public LoadedModel train(NamesDataset dataset) {
        long started = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) initSeed);
        DatasetSplit split = DatasetSplit.of(dataset, config.validationFraction(), config.seed());
        List<NamesDataset.LabelledName> trainNames = trainingShare < 1
                ? share(split.train(), trainingShare, config.seed()) : split.train();
        Vocabulary vocabulary = Vocabulary.of(trainNames.stream().map(NamesDataset.LabelledName::key).toList());
        List<Example> examples = new ArrayList<>();
        for (NamesDataset.LabelledName name : trainNames) {
            for (int label : name.labels()) {
                examples.add(new Example(name.name(), vocabulary.encode(name.key()), label));
            }
        }
        Validation validation = Validation.of(split.validation(), vocabulary);
        List<String> origins = dataset.origins();
        log.info("Training {} on {} names ({} examples), validating on {}; {} origins, {} characters",
                architecture.architecture(), trainNames.size(), examples.size(), validation.size(),
                origins.size(), vocabulary.chars().length());
        Model model = NetworkFactory.model(architecture, vocabulary.size(), origins.size());
        boolean handedOver = false;
        try {
            TrainingLoop loop = new TrainingLoop(architecture, config, monitor, origins, new Random(initSeed));
            List<Double> accuracies = new ArrayList<>();
            byte[][] best = {null};
            double[] bestAccuracy = {-1};
            try (Trainer trainer = model.newTrainer(loop.trainingConfig(examples.size()))) {
                trainer.initialize(NameBatch.initShapes());
                loop.run(trainer, examples, () -> {
                    double accuracy = validation.top1(logProbabilities(model, validation.encoded()), origins.size());
                    accuracies.add(accuracy);
                    monitor.validation(accuracy);
                    if (accuracy > bestAccuracy[0]) {
                        bestAccuracy[0] = accuracy;
                        best[0] = snapshot(model.getBlock());
                    }
                    return accuracy;
                });
            }
            restore(model, best[0]);
            float[][] logProbabilities = LoadedModel.rows(logProbabilities(model, validation.encoded()), origins.size());
            List<int[]> gold = validation.gold();
            float temperature = TemperatureScaling.fit(logProbabilities, gold);
            TopLabelCalibration topLabel = TopLabelCalibration.fit(
                    TemperatureScaling.softmax(logProbabilities, temperature), gold);
            double eceRaw = Evaluator.expectedCalibrationError(TemperatureScaling.softmax(logProbabilities, 1f),
                    gold, Evaluator.ECE_BINS);
            double eceTemperatureOnly = Evaluator.expectedCalibrationError(
                    TopLabelCalibration.outOfFold(logProbabilities, gold, false), gold, Evaluator.ECE_BINS);
            // The report scores out-of-fold calibrated probabilities: the map fits its own names
            // closely, so an ECE measured on the names it was fitted on would flatter it.
            EvaluationReport report = Evaluator.evaluate(origins,
                    TopLabelCalibration.outOfFold(logProbabilities, gold, true), gold, eceRaw, (double) temperature);
            double seconds = (System.nanoTime() - started) / 1e9;
            CheckpointMetadata metadata = new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, architecture,
                    vocabulary.chars(), origins, temperature, topLabel, dataset.fingerprint(), config.seed(), seconds,
                    new ValidationMetrics(report.names(), report.top1(), report.top3(), report.macroF1(),
                            report.ece(), eceRaw),
                    Instant.now());
            TrainingHistory history = new TrainingHistory(config.lossEvery(), monitor.snapshot().lossCurve(),
                    accuracies);
            log.info("Training done in {} s: validation top-1 {}, top-3 {}, macro-F1 {}, ECE out of fold {} "
                    + "(temperature {} alone: {}; before calibration: {})", "%.1f".formatted(seconds),
                    fmt(report.top1()), fmt(report.top3()), fmt(report.macroF1()), fmt(report.ece()),
                    "%.2f".formatted(temperature), fmt(eceTemperatureOnly), fmt(eceRaw));
            LoadedModel loaded = new LoadedModel(model, metadata, report, history);
            handedOver = true;
            return loaded;
        } finally {
            if (!handedOver) {
                model.close();
            }
            monitor.finish();
        }
    }

    /** The same share of each origin's names (by primary origin), picked by a seeded shuffle. */
    static List<NamesDataset.LabelledName> share(List<NamesDataset.LabelledName> names, double share, long seed) {
        Map<Integer, List<NamesDataset.LabelledName>> byOrigin = new TreeMap<>();
        for (NamesDataset.LabelledName name : names) {
            byOrigin.computeIfAbsent(name.primary(), k -> new ArrayList<>()).add(name);
        }
        Random random = new Random(seed);
        List<NamesDataset.LabelledName> kept = new ArrayList<>();
        for (List<NamesDataset.LabelledName> group : byOrigin.values()) {
            Collections.shuffle(group, random);
            kept.addAll(group.subList(0, (int) Math.max(1, Math.round(share * group.size()))));
        }
        return kept;
    }

    private static float[] logProbabilities(Model model, List<int[]> encoded) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int from = 0; from < encoded.size(); from += EVAL_BATCH) {
            float[] part = LoadedModel.logProbabilities(model.getBlock(), model.getNDManager(),
                    encoded.subList(from, Math.min(encoded.size(), from + EVAL_BATCH)));
            parts.add(part);
            total += part.length;
        }
        float[] out = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static byte[] snapshot(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void restore(Model model, byte[] parameters) {
        if (parameters == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("Cannot restore the best epoch's parameters", e);
        }
    }

    private static String fmt(double value) {
        return "%.4f".formatted(value);
    }
}
