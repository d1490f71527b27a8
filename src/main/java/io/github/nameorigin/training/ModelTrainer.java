package io.github.nameorigin.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.training.Trainer;
import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.evaluation.Evaluator;
import io.github.nameorigin.model.CharacterLanguageModel;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.NameBatch;
import io.github.nameorigin.model.NetworkFactory;
import io.github.nameorigin.model.NetworkSpec;
import io.github.nameorigin.model.NgramLogisticRegression;
import io.github.nameorigin.model.PredictionSetFitting;
import io.github.nameorigin.model.PredictionSets;
import io.github.nameorigin.model.PriorCalibration;
import io.github.nameorigin.model.TemperatureScaling;
import io.github.nameorigin.model.TopLabelCalibration;
import io.github.nameorigin.model.TrainingHistory;
import io.github.nameorigin.model.ValidationMetrics;
import io.github.nameorigin.model.Vocabulary;
import io.github.nameorigin.system.NameOriginProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model on a dataset: split by distinct name, vocabulary from the training names, the
 * network from {@link NetworkFactory}, the loop in {@link TrainingLoop} (its last epoch is kept),
 * the linear member ({@link NgramLogisticRegression}) when the architecture gives it a weight,
 * a temperature and a top-label map fitted on validation (on the mix of the two), and the
 * validation report (its ECE out of fold, see {@link TopLabelCalibration#outOfFold}), conformal
 * prediction sets fitted on the same out-of-fold probabilities ({@link PredictionSetFitting}); optionally
 * a refit on all names.
 * Seeded and deterministic. Only one training may run per JVM (DJL allows one gradient collector).
 */
public final class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    private final NetworkSpec architecture;
    private final NameOriginProperties.Training config;
    private final TrainingMonitor monitor;
    private NamesDataset extra;
    private NamesDataset heldOut;
    private String heldOutName;

    /**
     * Creates a trainer.
     *
     * @param architecture the network to train
     * @param config       hyperparameters
     * @param monitor      where progress goes
     */
    public ModelTrainer(NetworkSpec architecture, NameOriginProperties.Training config,
            TrainingMonitor monitor) {
        this.architecture = architecture;
        this.config = config;
        this.monitor = monitor;
    }

    /**
     * Trains on more names than the dataset's: {@code extra} names join the training split
     * (those whose folded form is a validation name are left out, so the dataset's validation
     * stays unseen), and {@code heldOut} names, from another source, are not trained on by the
     * validated network but scored as a cross-source check (on the names it did not train on);
     * the refit trains on the extra names, not on the held-out ones. Either may be null.
     *
     * @param extra   names labelled in the dataset's origins, trained on
     * @param heldOut names labelled in the dataset's origins, held out for the cross-source check
     * @param heldOutName the held-out source's name, for the report
     * @return this trainer
     */
    public ModelTrainer withExtraNames(NamesDataset extra, NamesDataset heldOut, String heldOutName) {
        this.extra = extra;
        this.heldOut = heldOut;
        this.heldOutName = heldOutName;
        return this;
    }

    /**
     * Trains on a dataset: a network on the training split, validated and calibrated on the rest;
     * with {@code refit} set, then a second one on all names (see {@link #refit}).
     *
     * @param dataset the names
     * @return the trained model; the caller owns it
     */
    public LoadedModel train(NamesDataset dataset) {
        long started = System.nanoTime();
        monitor.phase(TrainingMonitor.Phase.TRAINING);
        try {
            DatasetSplit split = DatasetSplit.of(dataset, config.validationFraction(), config.seed());
            LoadedModel validated = train(dataset, split, started);
            if (!config.refit()) {
                return validated;
            }
            monitor.phase(TrainingMonitor.Phase.REFIT);
            try (validated) {
                return refit(dataset, split, validated, started);
            }
        } finally {
            monitor.finish();
        }
    }

    /**
     * Trains on a split's training names, scoring the validation names after each epoch, then
     * fits the calibration on them and scores the last epoch's network.
     */
    LoadedModel train(NamesDataset dataset, DatasetSplit split, long started) {
        List<NamesDataset.LabelledName> trainNames = ExtraNames.trainingNames(split, extra);
        Vocabulary vocabulary = vocabulary(trainNames);
        List<Example> examples = examples(trainNames, vocabulary);
        Validation validation = Validation.of(split.validation(), vocabulary);
        List<String> origins = dataset.origins();
        log.info("Training {} on {} names ({} examples), validating on {}; {} origins, {} characters",
                architecture.architecture(), trainNames.size(), examples.size(), validation.size(),
                origins.size(), vocabulary.chars().length());
        List<Double> accuracies = new ArrayList<>();
        Model model = fit(vocabulary, origins, examples, network -> {
            double accuracy = validation.top1(validation.logProbabilities(network), origins.size());
            accuracies.add(accuracy);
            monitor.validation(accuracy);
            return accuracy;
        });
        boolean handedOver = false;
        try {
            float[][] logProbabilities = LoadedModel.rows(validation.logProbabilities(model), origins.size());
            NgramLogisticRegression member = member(trainNames, origins.size());
            if (member != null) {
                for (int i = 0; i < logProbabilities.length; i++) {
                    LoadedModel.mix(logProbabilities[i], member.logProbabilities(validation.spellings().get(i)),
                            architecture.linearWeight());
                }
            }
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
            float[][] calibrated = TopLabelCalibration.outOfFold(logProbabilities, gold, true);
            EvaluationReport report = Evaluator.evaluate(origins, calibrated, gold, eceRaw, (double) temperature);
            // Fitted on the same out-of-fold probabilities: they stand for names the map has not
            // seen, as served names are.
            // Too few validation names (tiny datasets) give no sets; coverage requests are then refused.
            double[] trainingPrior = CrossSourceCheck.prior(examples, origins.size());
            double[] datasetPrior = extra == null ? trainingPrior : CrossSourceCheck.namesPrior(split.train(), origins.size());
            PriorCalibrations.Fitted priors = PriorCalibrations.fit(calibrated, gold, trainingPrior, datasetPrior);
            // Fitted on the answers under the default (softened) mix, as served, so that a set
            // matches the probabilities it comes with.
            PredictionSets sets = calibrated.length < PredictionSetFitting.MIN_NAMES ? null
                    : PredictionSetFitting.fit(priors.softened(), gold, config.seed());
            double seconds = (System.nanoTime() - started) / 1e9;
            CheckpointMetadata metadata = new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, architecture,
                    vocabulary.chars(), origins, temperature, topLabel, dataset.fingerprint(), config.seed(), seconds,
                    new ValidationMetrics(report.names(), report.top1(), report.top3(), report.macroF1(),
                            report.ece(), eceRaw),
                    null, Instant.now(), sets);
            TrainingHistory history = new TrainingHistory(config.lossEvery(), monitor.snapshot().lossCurve(),
                    accuracies);
            log.info("Training done in {} s: validation top-1 {}, top-3 {}, macro-F1 {}, ECE out of fold {} "
                    + "(temperature {} alone: {}; before calibration: {})", "%.1f".formatted(seconds),
                    fmt(report.top1()), fmt(report.top3()), fmt(report.macroF1()), fmt(report.ece()),
                    "%.2f".formatted(temperature), fmt(eceTemperatureOnly), fmt(eceRaw));
            List<PredictionSets.CoverageCheck> checks = sets == null ? List.of() : sets.checks();
            for (PredictionSets.CoverageCheck check : checks) {
                log.info("Prediction sets at {} (lambda {}, cross-fitted on validation): coverage {}, mean size {}",
                        check.target(), sets.lambda(), fmt(check.coverage()), "%.2f".formatted(check.meanSize()));
            }
            metadata = metadata.with(trainingPrior, null).withDatasetPrior(extra == null ? null : datasetPrior)
                    .withPriorCalibrations(priors.calibrations());
            for (PriorCalibration c : metadata.priorCalibrations()) {
                log.info("Under the {} mix: validation top-1 {}, ECE {} with its map (out of fold), {} without",
                        c.prior(), fmt(c.top1()), fmt(c.ece()), fmt(c.eceBefore()));
            }
            CharacterLanguageModel languageModel = CharacterLanguageModel.train(spellings(trainNames));
            metadata = metadata.with(UnknownCheck.detector(languageModel, split.validation()));
            LoadedModel loaded = new LoadedModel(model, metadata, report, history, member, languageModel);
            if (heldOut != null) {
                List<NamesDataset.LabelledName> unseen = ExtraNames.unseen(heldOut, trainNames, split.validation());
                CheckpointMetadata.CrossSource cross = CrossSourceCheck.of(loaded, heldOutName, unseen,
                        split.validation());
                log.info("Cross-source check on {} names of {} not trained on: top-1 {}, top-3 {} (training mix); "
                        + "top-1 {}, top-3 {} (even mix); validation names under the even mix: top-1 {}, ECE {}",
                        cross.training().names(), heldOutName, fmt(cross.training().top1()),
                        fmt(cross.training().top3()), fmt(cross.uniform().top1()), fmt(cross.uniform().top3()),
                        fmt(cross.validationUniform().top1()), fmt(cross.validationUniform().ece()));
                loaded = new LoadedModel(model, metadata.with(metadata.trainingPrior(), cross), report, history,
                        member, languageModel);
            }
            handedOver = true;
            return loaded;
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    /**
     * Trains a second network with the same recipe and initialisation seed on all of a split's
     * names (training and validation), and serves it with the first one's temperature,
     * top-label map and prediction sets. There are no names left to score it on, so its report, validation figures
     * and history are the validated network's: they describe the recipe on names it had not seen.
     */
    LoadedModel refit(NamesDataset dataset, DatasetSplit split, LoadedModel validated, long started) {
        List<NamesDataset.LabelledName> all = ExtraNames.allNames(split, extra);
        Vocabulary vocabulary = vocabulary(all);
        List<Example> examples = examples(all, vocabulary);
        List<String> origins = dataset.origins();
        log.info("Refitting on all {} names ({} examples), validation names included", all.size(), examples.size());
        Model model = fit(vocabulary, origins, examples, null);
        boolean handedOver = false;
        try {
            NgramLogisticRegression member = member(all, origins.size());
            double seconds = (System.nanoTime() - started) / 1e9;
            CheckpointMetadata first = validated.metadata();
            CheckpointMetadata metadata = new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, architecture,
                    vocabulary.chars(), origins, first.temperature(), first.calibration(), dataset.fingerprint(),
                    config.seed(), seconds, first.validation(),
                    new CheckpointMetadata.Refit(all.size(), examples.size()), Instant.now(),
                    first.predictionSets())
                    .with(CrossSourceCheck.prior(examples, origins.size()), first.crossSource())
                    .with(first.unknownDetector())
                    .withPriorCalibrations(first.priorCalibrations())
                    .withDatasetPrior(first.datasetPrior());
            log.info("Refit done in {} s in all; served with the validated network's calibration",
                    "%.1f".formatted(seconds));
            LoadedModel loaded = new LoadedModel(model, metadata, validated.evaluation(), validated.history(), member,
                    CharacterLanguageModel.train(spellings(all)));
            handedOver = true;
            return loaded;
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    /**
     * Builds a network from the initialisation seed and runs the whole training schedule on it;
     * {@code validate} scores it after each epoch (null: no validation). The caller owns the
     * returned model; it is closed here if training fails.
     */
    private Model fit(Vocabulary vocabulary, List<String> origins, List<Example> examples,
            ToDoubleFunction<Model> validate) {
        Engine.getInstance().setRandomSeed((int) config.seed());
        Model model = NetworkFactory.model(architecture, vocabulary.size(), origins.size());
        try {
            TrainingLoop loop = new TrainingLoop(architecture, config, monitor, origins, new Random(config.seed()));
            try (Trainer trainer = model.newTrainer(loop.trainingConfig(examples.size()))) {
                trainer.initialize(NameBatch.initShapes());
                loop.run(trainer, examples, validate == null ? null : () -> validate.applyAsDouble(model));
            }
            return model;
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    /**
     * The linear member trained on every spelling of the names, each under its own origin (as the
     * network's examples are), or null when the architecture gives it no weight. About a second.
     */
    private NgramLogisticRegression member(List<NamesDataset.LabelledName> names, int classes) {
        if (architecture.linearWeight() <= 0) {
            return null;
        }
        List<String> spellings = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (NamesDataset.LabelledName name : names) {
            for (NamesDataset.Listing listing : name.listings()) {
                spellings.add(listing.spelling());
                labels.add(listing.label());
            }
        }
        long started = System.nanoTime();
        NgramLogisticRegression member = NgramLogisticRegression.train(spellings,
                labels.stream().mapToInt(Integer::intValue).toArray(), classes, config.seed());
        log.info("Linear member trained on {} spellings in {} s", spellings.size(),
                "%.1f".formatted((System.nanoTime() - started) / 1e9));
        return member;
    }

    /** Every spelling of the names. */
    private static List<String> spellings(List<NamesDataset.LabelledName> names) {
        return names.stream().flatMap(n -> n.listings().stream()).map(NamesDataset.Listing::spelling).toList();
    }

    /** Every character of every spelling of the names. */
    private static Vocabulary vocabulary(List<NamesDataset.LabelledName> names) {
        return Vocabulary.of(names.stream().flatMap(n -> n.listings().stream()).map(NamesDataset.Listing::spelling)
                .toList());
    }

    private static List<Example> examples(List<NamesDataset.LabelledName> names, Vocabulary vocabulary) {
        List<Example> examples = new ArrayList<>();
        for (NamesDataset.LabelledName name : names) {
            for (NamesDataset.Listing listing : name.listings()) {
                examples.add(new Example(name.name(), vocabulary.encode(listing.spelling()), listing.label()));
            }
        }
        return examples;
    }

    private static String fmt(double value) {
        return "%.4f".formatted(value);
    }
}
