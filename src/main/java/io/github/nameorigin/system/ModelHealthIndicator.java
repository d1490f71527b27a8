package io.github.nameorigin.system;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;

/**
 * Health contributor {@code model}: UP only when a model is READY, so the readiness group (which
 * includes it) keeps traffic away while the model loads or trains, or after it failed. Its
 * details also say when the served model could not be saved, and why a checkpoint was refused.
 */
@Component
class ModelHealthIndicator implements HealthIndicator {

    private final ModelRegistry registry;
    private final CheckpointHealth checkpoints;

    ModelHealthIndicator(ModelRegistry registry, CheckpointHealth checkpoints) {
        this.registry = registry;
        this.checkpoints = checkpoints;
    }

    @Override
    public Health health() {
        ModelState state = registry.state();
        if (state == ModelState.READY) {
            Health.Builder up = Health.up().withDetail("state", state.name());
            registry.metadata().ifPresent(metadata -> up.withDetail("origins", metadata.origins().size()));
            checkpoints(up);
            return up.build();
        }
        Health.Builder down = Health.down().withDetail("state", state.name());
        registry.failure().ifPresent(reason -> down.withDetail("reason", reason));
        checkpoints(down);
        return down.build();
    }

    /**
     * A served model that could not be saved stays UP (it answers well) but says so: the next
     * restart loses it. A refused checkpoint says why.
     */
    private void checkpoints(Health.Builder health) {
        checkpoints.saveFailure().ifPresent(reason -> health.withDetail("checkpointSaved", false)
                .withDetail("saveFailure", reason));
        checkpoints.loadFailure().ifPresent(reason -> health.withDetail("loadFailure", reason));
    }
}
