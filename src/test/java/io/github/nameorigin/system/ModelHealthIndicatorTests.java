package io.github.nameorigin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;

class ModelHealthIndicatorTests {

    private final ModelRegistry registry = mock(ModelRegistry.class);
    private final CheckpointHealth checkpoints = new CheckpointHealth();
    private final ModelHealthIndicator indicator = new ModelHealthIndicator(registry, checkpoints);

    @Test
    void upWhenAModelIsReady() {
        CheckpointMetadata metadata = mock(CheckpointMetadata.class);
        given(metadata.origins()).willReturn(List.of("Japanese", "German"));
        given(registry.state()).willReturn(ModelState.READY);
        given(registry.metadata()).willReturn(Optional.of(metadata));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "READY").containsEntry("origins", 2);
    }

    @Test
    void downWhileLoadingOrTraining() {
        for (ModelState state : List.of(ModelState.LOADING, ModelState.TRAINING)) {
            given(registry.state()).willReturn(state);
            given(registry.failure()).willReturn(Optional.empty());

            Health health = indicator.health();

            assertThat(health.getStatus()).as(state.name()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("state", state.name()).doesNotContainKey("reason");
        }
    }

    @Test
    void downWithTheReasonWhenFailed() {
        given(registry.state()).willReturn(ModelState.FAILED);
        given(registry.failure()).willReturn(Optional.of("no checkpoint and no data directory"));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "no checkpoint and no data directory");
    }

    @Test
    void upButSaysSoWhenTheServedModelCouldNotBeSaved() {
        given(registry.state()).willReturn(ModelState.READY);
        given(registry.metadata()).willReturn(Optional.empty());
        assertThat(indicator.health().getDetails()).doesNotContainKey("checkpointSaved");

        checkpoints.saveFailed("/data/checkpoint is read-only");
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("checkpointSaved", false)
                .containsEntry("saveFailure", "/data/checkpoint is read-only");

        checkpoints.saved();
        assertThat(indicator.health().getDetails()).doesNotContainKey("checkpointSaved");
    }
}
