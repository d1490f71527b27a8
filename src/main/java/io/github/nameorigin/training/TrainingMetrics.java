package io.github.nameorigin.training;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import java.util.List;

import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;

/**
 * Training and model gauges for Prometheus: step, epoch, loss and validation accuracy from the
 * {@link TrainingMonitor} and the phase they count; the model state; and
 * {@code nameorigin_model_info} (value 1) tagged with the live model's architecture, creation time
 * and whether it was refitted on all names. Tags are low-cardinality: no input names.
 */
@Component
class TrainingMetrics implements MeterBinder {

    private final TrainingMonitor monitor;
    private final ModelRegistry registry;
    private final CheckpointHealth checkpoints;
    private volatile MultiGauge info;

    TrainingMetrics(TrainingMonitor monitor, ModelRegistry registry, CheckpointHealth checkpoints) {
        this.monitor = monitor;
        this.registry = registry;
        this.checkpoints = checkpoints;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("nameorigin.training.step", monitor, m -> m.snapshot().step())
                .description("Training steps done in the current or last run").register(meters);
        Gauge.builder("nameorigin.training.steps.total", monitor, m -> m.snapshot().totalSteps())
                .description("Training steps planned").register(meters);
        Gauge.builder("nameorigin.training.epoch", monitor, m -> m.snapshot().epoch())
                .description("Current training epoch").register(meters);
        Gauge.builder("nameorigin.training.loss", monitor, m -> m.snapshot().loss())
                .description("Latest average training loss").register(meters);
        Gauge.builder("nameorigin.training.validation.accuracy", this, TrainingMetrics::validationAccuracy)
                .description("Validation top-1 of the live model, or of the latest epoch while training")
                .register(meters);
        for (TrainingMonitor.Phase phase : TrainingMonitor.Phase.values()) {
            Gauge.builder("nameorigin.training.phase", monitor, m -> m.snapshot().phase() == phase ? 1 : 0)
                    .tag("phase", phase.name())
                    .description("1 for the phase the step gauges count: training, or the refit on all names")
                    .register(meters);
        }
        for (ModelState state : ModelState.values()) {
            Gauge.builder("nameorigin.model.state", registry, r -> r.state() == state ? 1 : 0)
                    .tag("state", state.name()).description("1 for the model's current lifecycle state")
                    .register(meters);
        }
        FunctionCounter.builder("nameorigin.checkpoint.save.failures", checkpoints, CheckpointHealth::saveFailures)
                .description("Trained models that could not be saved (served, but lost at the next restart)")
                .register(meters);
        Gauge.builder("nameorigin.checkpoint.unsaved", checkpoints, c -> c.saveFailure().isPresent() ? 1 : 0)
                .description("1 while the last trained model could not be saved").register(meters);
        info = MultiGauge.builder("nameorigin.model.info")
                .description("The live model (value 1), tagged with its architecture and creation time")
                .register(meters);
        registry.metadata().ifPresent(this::modelInstalled);
        registry.onInstall(model -> modelInstalled(model.metadata()));
    }

    /**
     * Points {@code nameorigin_model_info} at a newly installed model.
     *
     * @param metadata the model's checkpoint metadata
     */
    void modelInstalled(CheckpointMetadata metadata) {
        MultiGauge gauge = info;
        if (gauge != null) {
            gauge.register(List.of(MultiGauge.Row.of(Tags.of("architecture", metadata.architecture().architecture(),
                    "created", metadata.createdAt().toString(), "refit", String.valueOf(metadata.refit() != null)), 1)),
                    true);
        }
    }

    private double validationAccuracy() {
        TrainingMonitor.Snapshot run = monitor.snapshot();
        if (run.running()) {
            return run.validationAccuracy();
        }
        return registry.metadata().map(m -> m.validation().top1()).orElse(run.validationAccuracy());
    }
}
