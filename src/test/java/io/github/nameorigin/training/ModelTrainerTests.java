package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.CheckpointStore;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.NameNormalizer;
import io.github.nameorigin.model.NetworkSpec;
import io.github.nameorigin.model.TestNetworks;
import io.github.nameorigin.model.Vocabulary;
import io.github.nameorigin.system.NameOriginProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trains for two short epochs on the tiny fixture: checks the wiring and determinism, not accuracy
 * (accuracy on the full dataset is measured by the evaluation command).
 */
class ModelTrainerTests {

    static final Path FIXTURE = Path.of("src/test/resources/names-tiny");

    static NameOriginProperties.Training quick(long seed) {
        return new NameOriginProperties.Training(seed, 2, 200, 16, 0.01f, 0.2, 5, 2, 0.05f, true, 0f, false, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void trainsReportsProgressAndIsDeterministic(String cell) {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        NetworkSpec network = TestNetworks.spec(cell, 16, 8, 1, true, 0f);
        TrainingMonitor monitor = new TrainingMonitor();
        List<String> names = List.of("Nakamura", "Schmidt", "Nguyen");
        float[][] first;
        try (LoadedModel model = new ModelTrainer(network, quick(1), monitor).train(dataset)) {
            first = model.predict(names);
            assertThat(model.origins()).isEqualTo(dataset.origins());
            assertThat(model.metadata().datasetFingerprint()).isEqualTo(dataset.fingerprint());
            assertThat(model.metadata().validation().names()).isPositive();
            // Calibrated after the temperature by a top-label map fitted on the validation names,
            // and the reported ECE is the out-of-fold one, the same figure in metadata and report.
            assertThat(model.metadata().calibration()).isNotNull();
            assertThat(model.metadata().validation().ece()).isEqualTo(model.evaluation().ece()).isPositive();
            assertThat(model.evaluation().perOrigin()).hasSize(dataset.origins().size());
            assertThat(model.history().validationAccuracyPerEpoch()).hasSize(2);
            // The last epoch's network is the one kept and reported.
            assertThat(model.metadata().validation().top1())
                    .isEqualTo(model.history().validationAccuracyPerEpoch().get(1));
        }
        TrainingMonitor.Snapshot run = monitor.snapshot();
        assertThat(run.running()).isFalse();
        assertThat(run.phase()).isEqualTo(TrainingMonitor.Phase.TRAINING);
        assertThat(run.step()).isEqualTo(run.totalSteps()).isPositive();
        assertThat(run.lossCurve()).isNotEmpty();
        assertThat(run.recentGuesses()).isNotEmpty();

        try (LoadedModel again = new ModelTrainer(network, quick(1), new TrainingMonitor()).train(dataset)) {
            assertThat(again.predict(names)).isDeepEqualTo(first);
        }
    }

    @Test
    void theNetworkReadsTheAccentsOfItsTrainingNames(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("German.txt"), "Müller\nHübner\nBrückner\nGrün\nWeiß\nBauer\nFischer\n");
        Files.writeString(dir.resolve("Spanish.txt"), "Peña\nNúñez\nIbáñez\nMuñoz\nGarcía\nPérez\nRuiz\n");
        NetworkSpec gru = TestNetworks.spec("gru", 16, 8, 1, false, 0f);
        try (LoadedModel model = new ModelTrainer(gru, quick(1), new TrainingMonitor())
                .train(NamesDataset.read(dir))) {
            assertThat(model.metadata().vocabulary()).contains("ñ", "ü");
            Vocabulary vocabulary = new Vocabulary(model.metadata().vocabulary());
            assertThat(vocabulary.encode(NameNormalizer.spelling("Muñoz")))
                    .isNotEqualTo(vocabulary.encode(NameNormalizer.spelling("Munoz")));
            // the same name whatever its case or Unicode form (rows of one batch may differ in
            // the last bits, so compare to a tolerance)
            float[][] p = model.predict(List.of("Muñoz", "MUÑOZ", "Mun\u0303oz"));
            assertThat(maxDifference(p[1], p[0])).isLessThan(1e-5);
            assertThat(maxDifference(p[2], p[0])).isLessThan(1e-5);
            // an accent the network never saw is read as its base letter
            assertThat(maxDifference(model.predict(List.of("Mūnoz"))[0], model.predict(List.of("Munoz"))[0]))
                    .isZero();
        }
    }

    @Test
    void theLinearMemberIsTrainedMixedInAndReadsWhatTheNetworkReads(@TempDir Path dir) throws Exception {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        NetworkSpec alone = TestNetworks.spec("gru", 16, 8, 1, false, 0f);
        NetworkSpec mixed = TestNetworks.withLinearWeight(alone, 0.35f);
        List<String> names = List.of("Nakamura", "Schmidt", "Nguyen");
        float[][] networkAlone;
        try (LoadedModel model = new ModelTrainer(alone, quick(1), new TrainingMonitor()).train(dataset)) {
            networkAlone = model.predict(names);
        }
        try (LoadedModel model = new ModelTrainer(mixed, quick(1), new TrainingMonitor()).train(dataset)) {
            float[][] p = model.predict(names);
            // the same network (same seeds), with the member mixed in
            assertThat(p).isNotEqualTo(networkAlone);
            for (float[] row : p) {
                double sum = 0;
                for (float v : row) {
                    sum += v;
                }
                assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
            // an accent the vocabulary lacks is folded for the member too
            assertThat(maxDifference(model.predict(List.of("Nakāmura"))[0], model.predict(List.of("Nakamura"))[0]))
                    .isZero();
            new CheckpointStore().save(dir, model);
            assertThat(dir.resolve("linear-member.bin")).isRegularFile();
            try (LoadedModel reloaded = new CheckpointStore().load(dir)) {
                // A trained network and its reloaded copy differ in the last bits (1e-8 seen, the
                // network alone too); the member itself round-trips exactly (its own tests).
                float[][] again = reloaded.predict(names);
                for (int i = 0; i < p.length; i++) {
                    assertThat(maxDifference(again[i], p[i])).isLessThan(1e-6);
                }
            }
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void refitTrainsOnEveryNameWithTheValidatedCalibration() {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        NetworkSpec gru = TestNetworks.spec("gru", 16, 8, 1, false, 0f);
        NameOriginProperties.Training q = quick(1);
        NameOriginProperties.Training refit = new NameOriginProperties.Training(q.seed(), 3, q.iterations(),
                q.batchSize(), q.learningRate(), q.validationFraction(), q.logEvery(), q.lossEvery(),
                q.labelSmoothing(), q.cosineDecay(), 0f, true, null);
        NameOriginProperties.Training plain = new NameOriginProperties.Training(q.seed(), 3, q.iterations(),
                q.batchSize(), q.learningRate(), q.validationFraction(), q.logEvery(), q.lossEvery(),
                q.labelSmoothing(), q.cosineDecay(), 0f, false, null);
        TrainingMonitor monitor = new TrainingMonitor();
        List<String> names = dataset.names().stream().map(NamesDataset.LabelledName::name).toList();
        int examples = dataset.names().stream().mapToInt(n -> n.listings().size()).sum();
        try (LoadedModel validated = new ModelTrainer(gru, plain, new TrainingMonitor()).train(dataset);
                LoadedModel model = new ModelTrainer(gru, refit, monitor).train(dataset)) {
            assertThat(model.metadata().refit())
                    .isEqualTo(new CheckpointMetadata.Refit(dataset.names().size(), examples));
            assertThat(validated.metadata().refit()).isNull();
            // Every name, validation names included, is readable: the vocabulary covers them all.
            assertThat(names).allMatch(model::isUsable);
            // Calibration and report come from the validated network, which the refit replays first.
            assertThat(model.metadata().temperature()).isEqualTo(validated.metadata().temperature());
            assertThat(model.metadata().calibration().confidence())
                    .isEqualTo(validated.metadata().calibration().confidence());
            assertThat(model.metadata().validation()).isEqualTo(validated.metadata().validation());
            assertThat(model.evaluation()).usingRecursiveComparison().ignoringFields("createdAt")
                    .isEqualTo(validated.evaluation());
            // A network of its own: it trained on more names.
            assertThat(Arrays.deepEquals(model.predict(names), validated.predict(names))).isFalse();
            // The progress left behind is the refit's: every name, all three epochs.
            TrainingMonitor.Snapshot run = monitor.snapshot();
            assertThat(run.running()).isFalse();
            assertThat(run.phase()).isEqualTo(TrainingMonitor.Phase.REFIT);
            assertThat(run.step()).isEqualTo(run.totalSteps())
                    .isEqualTo(3L * BatchPlan.batchesPerEpoch(examples, q.batchSize()));
            try (LoadedModel again = new ModelTrainer(gru, refit, new TrainingMonitor()).train(dataset)) {
                assertThat(again.predict(names)).isDeepEqualTo(model.predict(names));
            }
        }
    }

    @Test
    void trainsTheTutorialElmanRecipe() {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        NetworkSpec elman = TestNetworks.spec("elman", 32, 8, 1, false, 0f);
        TrainingMonitor monitor = new TrainingMonitor();
        try (LoadedModel model = new ModelTrainer(elman, quick(3), monitor).train(dataset)) {
            assertThat(monitor.snapshot().step()).isEqualTo(200);
            assertThat(model.predict(List.of("Tanaka"))[0]).hasSize(dataset.origins().size());
        }
    }
}
