package io.github.nameorigin.lifecycle;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.ModelRegistry;

/**
 * Lifecycle counters: model swaps, trainings by outcome ({@code activated}, {@code candidate},
 * {@code rejected}, {@code failed}, {@code unsaved}) and promotion-gate rejections, registered at
 * zero so that dashboards see them before the first event. The training side counts them.
 */
@Component
class LifecycleMetrics implements MeterBinder {

    static final String[] OUTCOMES = {"activated", "candidate", "rejected", "failed", "unsaved"};

    private final ModelRegistry registry;

    LifecycleMetrics(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        FunctionCounter.builder("nameorigin.model.swaps", registry, ModelRegistry::swaps)
                .description("Times a model version replaced the served one").register(meters);
        for (String outcome : OUTCOMES) {
            meters.counter("nameorigin.lifecycle.trainings", "outcome", outcome);
        }
        meters.counter("nameorigin.lifecycle.gate.rejections");
    }
}
