package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.github.nameorigin.system.NameOriginProperties;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadedModelTests {

    private static List<int[]> randomNames(int count, Random random) {
        List<int[]> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] name = new int[1 + random.nextInt(14)];
            Arrays.fill(name, 1);
            names.add(name);
        }
        return names;
    }

    @Test
    void lengthBucketsCoverEveryNameOnceAndKeepSmallBatchesWhole() {
        Random random = new Random(5);
        int callCost = LoadedModel.callCostInSteps(64);
        List<int[]> small = randomNames(LoadedModel.MIN_BUCKETED_BATCH - 1, random);
        assertThat(LoadedModel.lengthBuckets(small, callCost)).hasSize(1);

        List<int[]> large = randomNames(300, random);
        List<int[]> buckets = LoadedModel.lengthBuckets(large, callCost);
        assertThat(buckets.size()).isGreaterThan(1);
        int[] seen = buckets.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(seen).isEqualTo(IntStream.range(0, 300).toArray());
    }

    @Test
    void aDearerCallCutsABatchIntoFewerGroups() {
        List<int[]> names = randomNames(300, new Random(6));
        int wide = LoadedModel.callCostInSteps(256);
        int narrow = LoadedModel.callCostInSteps(64);
        assertThat(narrow).isGreaterThan(LoadedModel.callCostInSteps(128)).isGreaterThan(wide);
        assertThat(LoadedModel.lengthBuckets(names, narrow).size())
                .isLessThan(LoadedModel.lengthBuckets(names, wide).size());
        assertThat(LoadedModel.lengthBuckets(names, 1_000_000)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru", "lstm"})
    void aLargeMixedBatchGivesEachNameItsOwnProbabilities(String cell) {
        NetworkSpec config = TestNetworks.spec(cell, 16, 8, 1, true, 0f, 64, 8, 1);
        CheckpointMetadata metadata = new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, config,
                " '-abcdefghijklmnopqrstuvwxyz", List.of("A", "B", "C"), 0.8f, null, "f", 1, 1,
                new ValidationMetrics(1, 1, 1, 1, 0, 0), null, Instant.EPOCH);
        Random random = new Random(9);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            StringBuilder name = new StringBuilder();
            for (int c = 0, n = 2 + random.nextInt(13); c < n; c++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            names.add(name.toString());
        }
        ai.djl.Model network = NetworkFactory.model(config, new Vocabulary(metadata.vocabulary()).size(), 3);
        network.getBlock().initialize(network.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                NameBatch.initShapes());
        try (LoadedModel model = new LoadedModel(network, metadata, null, null)) {
            float[][] together = model.predict(names);
            for (int i = 0; i < names.size(); i += 7) {
                float[] alone = model.predict(List.of(names.get(i)))[0];
                for (int c = 0; c < alone.length; c++) {
                    assertThat(together[i][c]).isCloseTo(alone[c], Offset.offset(1e-5f));
                }
            }
        }
    }
}
