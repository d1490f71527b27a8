package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class PredictionSetsTests {

    private static final float[] P = {0.1f, 0.6f, 0.05f, 0.25f};

    private static PredictionSets sets(double lambda, float... scores) {
        return new PredictionSets(lambda, 1, scores, List.of(), List.of());
    }

    @Test
    void thresholdIsTheConformalQuantileOfTheStoredScores() {
        PredictionSets sets = sets(0, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f);
        assertThat(sets.threshold(0.5)).isCloseTo(0.6, within(1e-6)); // ceil(11 * 0.5) = 6th
        assertThat(sets.threshold(0.9)).isCloseTo(1.0, within(1e-6)); // ceil(11 * 0.9) = 10th
        assertThat(sets.threshold(0.95)).isInfinite(); // the 11th of 10: too few names to promise it
    }

    @Test
    void setIsTheShortestRankedPrefixWithinTheThresholdAndNeverEmpty() {
        assertThat(sets(0, 0.5f).set(P, 0.5)).containsExactly(1); // 0.6 alone already exceeds 0.5
        assertThat(sets(0, 0.86f).set(P, 0.5)).containsExactly(1, 3); // 0.6, 0.85
        assertThat(sets(0, 0.96f).set(P, 0.5)).containsExactly(1, 3, 0); // 0.6, 0.85, 0.95
        assertThat(sets(0, 0.95f).set(P, 0.99)).containsExactly(1, 3, 0, 2); // infinite threshold: all
    }

    @Test
    void thePenaltyShrinksSetsBeyondKReg() {
        // rank 2 scores 0.85 + 0.2, rank 3 0.95 + 0.4
        assertThat(sets(0.2, 1.1f).set(P, 0.5)).containsExactly(1, 3);
        assertThat(sets(0.2, 0.96f).set(P, 0.5)).containsExactly(1);
    }

    @Test
    void aNameListedUnderSeveralOriginsScoresItsBestRankedOne() {
        assertThat(PredictionSets.score(P, new int[] {0, 3}, 0, 1)).isCloseTo(0.85, within(1e-6));
        assertThat(PredictionSets.score(P, new int[] {2}, 0.1, 1)).isCloseTo(1.0 + 0.3, within(1e-6));
    }

    @Test
    void scoresMustBeSorted() {
        assertThatIllegalArgumentException().isThrownBy(() -> sets(0, 0.5f, 0.4f));
    }

    /**
     * Names whose true origin is drawn from their own probability vector (a calibrated model):
     * sets fitted on one sample must cover a fresh sample at about the target, and the
     * cross-fitted checks must say the same.
     */
    @Test
    void fittedSetsCoverFreshNamesAtTheTarget() {
        Random random = new Random(7);
        List<float[]> fitP = new ArrayList<>();
        List<int[]> fitGold = new ArrayList<>();
        sample(random, 4000, fitP, fitGold);
        List<float[]> freshP = new ArrayList<>();
        List<int[]> freshGold = new ArrayList<>();
        sample(random, 4000, freshP, freshGold);

        PredictionSets sets = PredictionSetFitting.fit(fitP.toArray(float[][]::new), fitGold, 1);

        assertThat(sets.scores()).hasSize(4000);
        assertThat(sets.checks()).extracting(PredictionSets.CoverageCheck::target).containsExactly(0.8, 0.9, 0.95);
        double previousSize = 0;
        for (PredictionSets.CoverageCheck check : sets.checks()) {
            assertThat(check.coverage()).isCloseTo(check.target(), within(0.02));
            PredictionSets.CoverageCheck fresh = PredictionSetFitting.measure(sets, freshP.toArray(float[][]::new),
                    freshGold, check.target());
            assertThat(fresh.coverage()).isCloseTo(check.target(), within(0.02));
            assertThat(fresh.meanSize()).isGreaterThan(previousSize);
            previousSize = fresh.meanSize();
        }
    }

    @Test
    void selectiveAccuracyEndsAtTheOverallAccuracyAndRisesWithConfidence() {
        Random random = new Random(3);
        List<float[]> p = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        sample(random, 2000, p, gold);
        List<PredictionSets.SelectivePoint> curve = PredictionSetFitting.selective(p.toArray(float[][]::new), gold);
        assertThat(curve).hasSize(20);
        PredictionSets.SelectivePoint all = curve.get(curve.size() - 1);
        assertThat(all.answered()).isEqualTo(1.0);
        long right = 0;
        for (int i = 0; i < p.size(); i++) {
            if (PredictionSets.ranking(p.get(i))[0] == gold.get(i)[0]) {
                right++;
            }
        }
        assertThat(all.accuracy()).isCloseTo((double) right / p.size(), within(1e-9));
        assertThat(curve.get(0).accuracy()).isGreaterThan(all.accuracy() + 0.1);
        assertThat(curve.get(0).minProbability()).isGreaterThan(all.minProbability());
    }

    private static void sample(Random random, int n, List<float[]> probabilities, List<int[]> gold) {
        for (int i = 0; i < n; i++) {
            float[] p = new float[6];
            double sum = 0;
            double sharpness = 1 + random.nextInt(8);
            for (int c = 0; c < p.length; c++) {
                p[c] = (float) Math.pow(random.nextDouble(), sharpness);
                sum += p[c];
            }
            double u = random.nextDouble();
            int label = p.length - 1;
            double cumulative = 0;
            for (int c = 0; c < p.length; c++) {
                p[c] /= (float) sum;
                cumulative += p[c];
                if (u < cumulative && label == p.length - 1) {
                    label = c;
                }
            }
            probabilities.add(p);
            gold.add(new int[] {label});
        }
    }

    @Test
    void metadataWithoutSetsStillLoadsAndSetsSurviveARoundTrip() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream old = getClass().getResourceAsStream("/metadata-before-sets/metadata.json")) {
            CheckpointMetadata metadata = json.readValue(old, CheckpointMetadata.class);
            assertThat(metadata.origins()).hasSize(18);
            assertThat(metadata.predictionSets()).isNull();
        }
        PredictionSets sets = new PredictionSets(0.01, 1, new float[] {0.2f, 0.7f},
                List.of(new PredictionSets.CoverageCheck(0.9, 0.91, 1.4, 0.7)),
                List.of(new PredictionSets.SelectivePoint(1, 0.86, 0.2)));
        CheckpointMetadata withSets = new CheckpointMetadata(1, null, "ab", List.of("A", "B"), 1f, null, "f", 1, 1,
                null, null, Instant.parse("2026-01-01T00:00:00Z"), sets);
        CheckpointMetadata read = json.readValue(json.writeValueAsString(withSets), CheckpointMetadata.class);
        assertThat(read.predictionSets()).isEqualTo(sets);
    }
}
