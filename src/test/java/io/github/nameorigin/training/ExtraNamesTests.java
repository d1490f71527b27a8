package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.NetworkSpec;
import io.github.nameorigin.model.TestNetworks;
import io.github.nameorigin.system.NameOriginProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names of other sources: labelled in the dataset's origins, kept off the validation side, and a
 * held-out source scored as the cross-source check.
 */
class ExtraNamesTests {

    private static final Path FIXTURE = ModelTrainerTests.FIXTURE;

    @Test
    void extraNamesAreLabelledInTheDatasetsOriginsAndMergedByName(@TempDir Path dir) throws IOException {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        Files.writeString(dir.resolve("German.txt"), "Schmidt\nWagner\n");
        Files.writeString(dir.resolve("Russian.txt"), "Wagner\nSidorov\n");
        NamesDataset extra = NamesDataset.readExtra(dir, dataset.origins());
        assertThat(extra.origins()).isEqualTo(dataset.origins());
        NamesDataset.LabelledName wagner = extra.names().stream().filter(n -> n.key().equals("wagner")).findFirst()
                .orElseThrow();
        assertThat(wagner.labels()).containsExactly(dataset.origins().indexOf("German"),
                dataset.origins().indexOf("Russian"));
        List<NamesDataset.LabelledName> union = NamesDataset.union(dataset.names(), extra.names());
        assertThat(union.stream().filter(n -> n.key().equals("schmidt")).count()).isEqualTo(1);
        long newNames = extra.names().stream().filter(n -> !ExtraNames.keys(dataset.names()).contains(n.key())).count();
        assertThat(union).hasSize(dataset.names().size() + (int) newNames);
    }

    @Test
    void aFileOfAnOriginTheDatasetLacksIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Martian.txt"), "Zorg\n");
        assertThatIllegalArgumentException().isThrownBy(() -> NamesDataset.readExtra(dir,
                NamesDataset.read(FIXTURE).origins())).withMessageContaining("Martian");
    }

    @Test
    void validationNamesAreNotTrainedOnThroughAnotherSource() {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        DatasetSplit split = DatasetSplit.of(dataset, 0.2, 1);
        // another source listing every name of the dataset, validation names included
        List<NamesDataset.LabelledName> trained = ExtraNames.trainingNames(split, dataset);
        assertThat(ExtraNames.keys(trained)).doesNotContainAnyElementsOf(ExtraNames.keys(split.validation()));
        assertThat(ExtraNames.keys(trained)).containsAll(ExtraNames.keys(split.train()));
        assertThat(ExtraNames.unseen(dataset, split.train(), split.validation())).isEmpty();
    }

    @Test
    void theRefitTrainsOnTheExtraNamesButNeverOnTheHeldOutSource(@TempDir Path dir) throws IOException {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        Path trained = Files.createDirectory(dir.resolve("trained"));
        Files.writeString(trained.resolve("German.txt"), "Wagnerowitz\n");
        Path held = Files.createDirectory(dir.resolve("held"));
        Files.writeString(held.resolve("Italian.txt"), "Castagnolini\n");
        ExtraNames.Sources sources = ExtraNames.Sources.read(dataset, List.of(trained, held), "held");
        DatasetSplit split = DatasetSplit.of(dataset, 0.2, 1);
        java.util.Set<String> all = ExtraNames.keys(ExtraNames.allNames(split, sources.trained()));
        assertThat(all).contains(sources.trained().names().get(0).key())
                .doesNotContain(sources.heldOut().names().get(0).key())
                .containsAll(ExtraNames.keys(dataset.names()));
    }

    @Test
    void theHeldOutSourceMustBeOneOfTheExtraDirectories(@TempDir Path dir) throws IOException {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("German.txt"), "Wagner\n");
        assertThatIllegalArgumentException().isThrownBy(() -> ExtraNames.Sources.read(dataset, List.of(other),
                "nowhere"));
        ExtraNames.Sources sources = ExtraNames.Sources.read(dataset, List.of(other), "other");
        assertThat(sources.trained()).isNull();
        assertThat(sources.heldOut().names()).hasSize(1);
    }

    @Test
    void aTrainingWithAHeldOutSourceReportsItAndStoresTheMixAndTheDetector(@TempDir Path dir) throws IOException {
        NamesDataset dataset = NamesDataset.read(FIXTURE);
        Path trained = Files.createDirectory(dir.resolve("trained"));
        Files.writeString(trained.resolve("German.txt"), "Wagner\nBecker\nHoffmann\n");
        Path held = Files.createDirectory(dir.resolve("held"));
        Files.writeString(held.resolve("Italian.txt"), "Bellucci\nCastagnoli\nPagliarulo\nRossi\n");
        ExtraNames.Sources sources = ExtraNames.Sources.read(dataset, List.of(trained, held), "held");
        NetworkSpec gru = TestNetworks.withLinearWeight(TestNetworks.spec("gru", 16, 8, 1, false, 0f), 0.35f);
        try (LoadedModel model = new ModelTrainer(gru, ModelTrainerTests.quick(1), new TrainingMonitor())
                .withExtraNames(sources.trained(), sources.heldOut(), sources.heldOutName()).train(dataset)) {
            var cross = model.metadata().crossSource();
            assertThat(cross.source()).isEqualTo("held");
            // the held-out names the dataset lacks (Rossi is one of its names, trained on or held back)
            int unseen = (int) sources.heldOut().names().stream()
                    .filter(n -> !ExtraNames.keys(dataset.names()).contains(n.key())).count();
            assertThat(unseen).isBetween(1, 3);
            assertThat(cross.training().names()).isEqualTo(unseen);
            assertThat(cross.uniform().names()).isEqualTo(unseen);
            assertThat(cross.validationUniform().names()).isEqualTo(model.metadata().validation().names());
            double sum = 0;
            for (double share : model.metadata().trainingPrior()) {
                sum += share;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(model.metadata().unknownDetector().scale()).isPositive();
            double[] scores = model.unknownScores(List.of("Schmidt", "Xqzvwk"), model.predict(List.of("Schmidt",
                    "Xqzvwk")));
            assertThat(scores[1]).isGreaterThan(scores[0]);
        }
    }
}
