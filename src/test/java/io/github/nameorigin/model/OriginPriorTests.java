package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OriginPriorTests {

    private static final List<String> ORIGINS = List.of("Russian", "English", "Czech");

    @Test
    void uniformDividesByTheTrainingMix() {
        // Bayes' rule: 0.5/0.8 : 0.3/0.1 : 0.2/0.1, renormalised
        float[] p = {0.5f, 0.3f, 0.2f};
        OriginPrior.uniform(3).apply(p, new double[] {0.8, 0.1, 0.1});
        double a = 0.5 / 0.8;
        double b = 0.3 / 0.1;
        double c = 0.2 / 0.1;
        assertThat(p[0]).isCloseTo((float) (a / (a + b + c)), within(1e-6f));
        assertThat(p[1]).isCloseTo((float) (b / (a + b + c)), within(1e-6f));
        assertThat(p[2]).isCloseTo((float) (c / (a + b + c)), within(1e-6f));
    }

    @Test
    void softenedRaisesTheDatasetMixToThreeQuarters() {
        OriginPrior prior = OriginPrior.softened(new double[] {0.64, 0.32, 0.04}, 3);
        double sum = Math.pow(0.64, 0.75) + Math.pow(0.32, 0.75) + Math.pow(0.04, 0.75);
        assertThat(prior.target()[0]).isCloseTo(Math.pow(0.64, 0.75) / sum, within(1e-12));
        assertThat(prior.target()[2]).isCloseTo(Math.pow(0.04, 0.75) / sum, within(1e-12));
        assertThat(prior.target()[2]).isGreaterThan(0.04);
        assertThat(OriginPrior.softened(null, 4).target()).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void trainingLeavesProbabilitiesAlone() {
        float[] p = {0.5f, 0.3f, 0.2f};
        OriginPrior.TRAINING.apply(p, new double[] {0.8, 0.1, 0.1});
        assertThat(p).containsExactly(0.5f, 0.3f, 0.2f);
    }

    @Test
    void weightsAreNormalisedAndLeftOutOriginsGetNone() {
        OriginPrior prior = OriginPrior.of(ORIGINS, Map.of("English", 3.0, "Czech", 1.0));
        assertThat(prior.target()).containsExactly(0, 0.75, 0.25);
        float[] p = {0.5f, 0.3f, 0.2f};
        prior.apply(p, new double[] {0.5, 0.25, 0.25});
        assertThat(p[0]).isZero();
        assertThat(p[1] + p[2]).isCloseTo(1f, within(1e-6f));
        assertThat(p[1] / p[2]).isCloseTo(0.3f * 3 / (0.2f * 1), within(1e-4f));
    }

    @Test
    void allMassOnLeftOutOriginsGoesToTheMix() {
        float[] p = {1f, 0f, 0f};
        OriginPrior.of(ORIGINS, Map.of("English", 1.0, "Czech", 1.0)).apply(p, null);
        assertThat(p).containsExactly(0f, 0.5f, 0.5f);
    }

    @Test
    void rejectsWhatCannotBeAMix() {
        assertThatIllegalArgumentException().isThrownBy(() -> OriginPrior.of(ORIGINS, Map.of("Martian", 1.0)))
                .withMessageContaining("Martian");
        assertThatIllegalArgumentException().isThrownBy(() -> OriginPrior.of(ORIGINS, Map.of("Czech", -1.0)));
        assertThatIllegalArgumentException().isThrownBy(() -> OriginPrior.of(ORIGINS, Map.of("Czech", 0.0)));
        assertThatIllegalArgumentException().isThrownBy(() -> OriginPrior.of(ORIGINS,
                Map.of("Czech", Double.POSITIVE_INFINITY)));
    }
}
