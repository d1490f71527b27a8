package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankingTests {

    @Test
    void topIndicesBreaksTiesTowardsTheLowerIndex() {
        assertThat(Ranking.topIndices(new float[] {0.2f, 0.5f, 0.5f, 0.1f}, 3)).containsExactly(1, 2, 0);
        assertThat(Ranking.topIndices(new float[] {0.1f, 0.9f}, 2)).containsExactly(1, 0);
        assertThat(Ranking.topIndices(new float[] {0.3f, 0.3f, 0.3f}, 1)).containsExactly(0);
    }

    @Test
    void containsFindsOnlyListedLabels() {
        assertThat(Ranking.contains(new int[] {2, 5}, 5)).isTrue();
        assertThat(Ranking.contains(new int[] {2, 5}, 3)).isFalse();
        assertThat(Ranking.contains(new int[0], 0)).isFalse();
    }
}
