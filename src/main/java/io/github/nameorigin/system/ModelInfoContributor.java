package io.github.nameorigin.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.ModelRegistry;

/**
 * Adds a {@code model} section to {@code /actuator/info}: its state and, when one is served, its
 * store version and what it is (architecture, origins, when it was created, validation accuracy).
 */
@Component
class ModelInfoContributor implements InfoContributor {

    private final ModelRegistry registry;

    ModelInfoContributor(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("state", registry.state().name());
        registry.version().ifPresent(version -> model.put("version", version));
        registry.metadata().ifPresent(metadata -> {
            if (metadata.architecture() != null) {
                model.put("architecture", metadata.architecture().architecture());
                model.put("hiddenSize", metadata.architecture().hiddenSize());
                // 0: the network alone; otherwise its mix with the n-gram logistic regression
                model.put("linearWeight", metadata.architecture().linearWeight());
            }
            model.put("origins", metadata.origins());
            model.put("createdAt", String.valueOf(metadata.createdAt()));
            if (metadata.validation() != null) {
                model.put("validationTop1", metadata.validation().top1());
            }
            // With a refit, the validation figures are the validated network's, not the served one's.
            model.put("refitOnAllNames", metadata.refit() != null);
        });
        builder.withDetail("model", model);
    }
}
