package io.github.nameorigin.system;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;

/**
 * Health contributor {@code model}: UP only when a model is READY, so the readiness group (which
 * includes it) keeps traffic away while the model loads or trains, or after it failed.
 */
@Component
class ModelHealthIndicator implements HealthIndicator {

    private final ModelRegistry registry;

    ModelHealthIndicator(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        ModelState state = registry.state();
        if (state == ModelState.READY) {
            Health.Builder up = Health.up().withDetail("state", state.name());
            registry.metadata().ifPresent(metadata -> up.withDetail("origins", metadata.origins().size()));
            return up.build();
        }
        Health.Builder down = Health.down().withDetail("state", state.name());
        registry.failure().ifPresent(reason -> down.withDetail("reason", reason));
        return down.build();
    }
}
