package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.github.nameorigin.system.NameOriginProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkFactoryTests {

    static final int VOCABULARY = 12;
    static final int CLASSES = 5;

    static List<NetworkSpec> architectures() {
        return List.of(
                TestNetworks.spec("elman", 16, 8, 1, false, 0f),
                TestNetworks.spec("gru", 16, 8, 1, false, 0f),
                TestNetworks.spec("gru", 16, 8, 2, true, 0.2f),
                TestNetworks.spec("lstm", 16, 8, 1, true, 0f),
                TestNetworks.spec("gru", 16, 8, 1, true, 0.3f, 64, 8, 1),
                TestNetworks.spec("gru", 16, 8, 1, false, 0f, 64, 8, 2));
    }

    static Model initialized(NetworkSpec config) {
        Model model = NetworkFactory.model(config, VOCABULARY, CLASSES);
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, NameBatch.initShapes());
        return model;
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void outputsLogProbabilitiesPerName(NetworkSpec config) {
        try (Model model = initialized(config)) {
            List<int[]> names = List.of(new int[] {1, 2, 3}, new int[] {4}, new int[] {5, 6, 7, 8, 9, 10});
            float[] out = LoadedModel.logProbabilities(model.getBlock(), model.getNDManager(), names);
            assertThat(out).hasSize(names.size() * CLASSES);
            for (float[] row : LoadedModel.rows(out, CLASSES)) {
                double sum = 0;
                for (float v : row) {
                    assertThat(v).isLessThanOrEqualTo(0f);
                    sum += Math.exp(v);
                }
                assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void aNamesOutputDoesNotDependOnItsBatch(NetworkSpec config) {
        try (Model model = initialized(config)) {
            int[] name = {3, 1, 4};
            float[] alone = LoadedModel.logProbabilities(model.getBlock(), model.getNDManager(), List.of(name));
            List<int[]> batch = new ArrayList<>();
            batch.add(new int[] {1, 1, 2, 3, 5, 8, 11, 2, 9});
            batch.add(name);
            batch.add(new int[] {2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5});
            float[] together = LoadedModel.logProbabilities(model.getBlock(), model.getNDManager(), batch);
            float[] inBatch = java.util.Arrays.copyOfRange(together, CLASSES, 2 * CLASSES);
            for (int c = 0; c < CLASSES; c++) {
                assertThat(inBatch[c]).isCloseTo(alone[c], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void rejectsUnknownArchitectures() {
        assertThatThrownBy(() -> NetworkFactory.block(TestNetworks.spec("transformer", 8, 8, 1, false, 0f),
                VOCABULARY, CLASSES)).hasMessageContaining("transformer");
    }
}
