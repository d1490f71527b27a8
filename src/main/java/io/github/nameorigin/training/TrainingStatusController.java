package io.github.nameorigin.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import io.github.nameorigin.model.TrainingHistory;
import io.github.nameorigin.model.CheckpointHealth;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.TrainingHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /training/status}: the model's lifecycle state, training progress and loss curve,
 * validation figures and a summary of the live model.
 */
@RestController
class TrainingStatusController {

    private final ModelRegistry registry;
    private final TrainingMonitor monitor;
    private final ModelBootstrap bootstrap;
    private final CheckpointHealth health;

    TrainingStatusController(ModelRegistry registry, TrainingMonitor monitor, ModelBootstrap bootstrap,
            CheckpointHealth health) {
        this.health = health;
        this.registry = registry;
        this.monitor = monitor;
        this.bootstrap = bootstrap;
    }

    @Operation(summary = "Where the model is in its life", description = "State, training progress and loss "
            + "curve, validation figures, recent sample guesses and a summary of the live model.")
    @ApiResponse(responseCode = "200", description = "The status", content = @Content(
            schema = @Schema(implementation = TrainingStatus.class),
            examples = @ExampleObject(name = "bundled model", value = TrainingApiDocs.STATUS)))
    @GetMapping("/training/status")
    TrainingStatus status() {
        TrainingMonitor.Snapshot run = monitor.snapshot();
        // One read: the metadata and the stored curve must come from the same model.
        ModelRegistry.Description live = registry.description().orElse(null);
        CheckpointMetadata metadata = live == null ? null : live.metadata();
        boolean ran = run.startedAt() != null;
        TrainingStatus.Progress progress = TrainingStatus.Progress.of(run);
        TrainingStatus.Validation validation = null;
        if (metadata != null && metadata.validation() != null && !run.running()) {
            validation = TrainingStatus.Validation.of(metadata.validation());
        } else if (!Double.isNaN(run.validationAccuracy())) {
            validation = new TrainingStatus.Validation(run.validationAccuracy(), null, null, null, null);
        }
        TrainingStatus.ModelSummary summary = metadata == null ? null : new TrainingStatus.ModelSummary(
                metadata.architecture().architecture(), metadata.architecture().hiddenSize(),
                metadata.architecture().bidirectional(), metadata.origins(), metadata.createdAt(),
                metadata.trainingSeconds(), metadata.temperature(), metadata.refit());
        // Without a run in this process, the loss curve is the one stored with the live model.
        TrainingHistory history = ran || live == null ? null : live.history();
        Integer lossEvery = ran ? Integer.valueOf(run.lossEvery()) : history == null ? null : history.lossEvery();
        java.util.List<Double> lossCurve = ran ? run.lossCurve() : history == null ? null : history.lossCurve();
        return new TrainingStatus(registry.state(), bootstrap.source(), registry.failure().orElse(null), progress,
                Double.isNaN(run.loss()) ? null : run.loss(), lossEvery, lossCurve, validation, run.recentGuesses(),
                summary, health.loadFailure().orElse(null), health.saveFailure().orElse(null));
    }
}
