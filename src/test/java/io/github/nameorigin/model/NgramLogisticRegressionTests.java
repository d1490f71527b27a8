package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class NgramLogisticRegressionTests {

    private static final List<String> RUSSIAN = List.of("ivanov", "petrov", "smirnov", "sokolov", "popov",
            "lebedev", "kozlov", "novikov", "morozov", "volkov", "pavlov", "semenov");
    private static final List<String> JAPANESE = List.of("yamamoto", "nakamura", "kobayashi", "matsumoto",
            "yoshida", "yamada", "sasaki", "yamaguchi", "matsuda", "inoue", "kimura", "hayashi");

    static NgramLogisticRegression trained(long seed) {
        List<String> spellings = new ArrayList<>(RUSSIAN);
        spellings.addAll(JAPANESE);
        int[] labels = new int[spellings.size()];
        Arrays.fill(labels, RUSSIAN.size(), labels.length, 1);
        return NgramLogisticRegression.train(spellings, labels, 2, seed);
    }

    @Test
    void learnsTheEndingsOfTwoOrigins() {
        NgramLogisticRegression model = trained(7);
        // Names it never saw, with the endings it did see.
        for (String name : List.of("orlov", "makarov", "zaitsev")) {
            assertThat(argmax(model.logProbabilities(name))).as(name).isZero();
        }
        for (String name : List.of("tanaka", "fujimoto", "okamura")) {
            assertThat(argmax(model.logProbabilities(name))).as(name).isOne();
        }
        float[] p = model.logProbabilities("petrov");
        assertThat(Math.exp(p[0]) + Math.exp(p[1])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void aSeedGivesTheSameWeightsAndTheStoredFormRoundTrips() throws IOException {
        byte[] first = bytes(trained(7));
        assertThat(bytes(trained(7))).isEqualTo(first);
        assertThat(bytes(trained(8))).isNotEqualTo(first);

        NgramLogisticRegression reloaded = NgramLogisticRegression.read(input(first), 2);
        for (String name : List.of("orlov", "tanaka", "ü", "x")) {
            assertThat(reloaded.logProbabilities(name)).isEqualTo(trained(7).logProbabilities(name));
        }
    }

    @Test
    void rejectsAMemberOfAnotherShapeOrCutShort() throws IOException {
        byte[] stored = bytes(trained(7));
        assertThatThrownBy(() -> NgramLogisticRegression.read(input(stored), 3)).isInstanceOf(IOException.class)
                .hasMessageContaining("2 origins");
        assertThatThrownBy(() -> NgramLogisticRegression.read(input(Arrays.copyOf(stored, stored.length / 2)), 2))
                .isInstanceOf(IOException.class);
        byte[] longer = Arrays.copyOf(stored, stored.length + 1);
        assertThatThrownBy(() -> NgramLogisticRegression.read(input(longer), 2)).isInstanceOf(IOException.class)
                .hasMessageContaining("trailing");
        byte[] other = stored.clone();
        other[0] ^= 1;
        assertThatThrownBy(() -> NgramLogisticRegression.read(input(other), 2)).isInstanceOf(IOException.class);
        // a member of the first format read its names without prefixes, suffixes and length
        byte[] older = stored.clone();
        older[7] = 1;
        assertThatThrownBy(() -> NgramLogisticRegression.read(input(older), 2)).isInstanceOf(IOException.class)
                .hasMessageContaining("format 2");
    }

    @Test
    void roundsToTheNearestBfloat16() {
        assertThat(NgramFeatures.bf16(1f)).isEqualTo(1f);
        // 1 + 2^-8 is halfway between two bfloat16 values: ties go to the even one (1).
        assertThat(NgramFeatures.bf16(1f + 0x1p-8f)).isEqualTo(1f);
        assertThat(NgramFeatures.bf16(1f + 0x1p-8f + 0x1p-12f)).isEqualTo(1f + 0x1p-7f);
        assertThat(NgramFeatures.bf16(-2.5f)).isEqualTo(-2.5f);
    }

    private static byte[] bytes(NgramLogisticRegression model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            model.write(data);
        }
        return out.toByteArray();
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
