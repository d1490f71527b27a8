package io.github.nameorigin.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.ModelNotReadyException;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.training.TrainingMonitor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves the live model's validation report as JSON and the evaluation pictures as SVG.
 */
@RestController
class EvaluationController {

    static final String SVG = "image/svg+xml";
    private static final MediaType SVG_UTF8 = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

    private final ModelRegistry registry;
    private final TrainingMonitor monitor;

    EvaluationController(ModelRegistry registry, TrainingMonitor monitor) {
        this.registry = registry;
        this.monitor = monitor;
    }

    @GetMapping("/model/evaluation")
    LiveEvaluation evaluation() {
        ModelRegistry.Description live = live();
        return new LiveEvaluation(report(live), live.metadata().refit(), live.metadata().crossSource());
    }

    /**
     * The live model's validation report, and whether the network served is not the one it
     * scored but a second one trained on all names afterwards.
     *
     * @param report the validation report, its fields inlined
     * @param refit  null when the scored network is served; otherwise the names and examples the
     *               served network was trained on
     * @param crossSource the validated network on names of a source it did not train on (under
     *               the training mix and an even one), and the validation names under an even
     *               mix; null when the model was trained without a held-out source
     */
    record LiveEvaluation(@JsonUnwrapped EvaluationReport report, CheckpointMetadata.Refit refit,
            CheckpointMetadata.CrossSource crossSource) {
    }

    @GetMapping(path = "/model/evaluation/confusion.svg", produces = SVG)
    ResponseEntity<String> confusionMatrix() {
        return svg(ConfusionMatrixSvg.render(report(live())));
    }

    /**
     * The live training run's curve while it runs or once it has points (a run's curve stays
     * after it ends); otherwise the curve stored with the live model; otherwise an empty chart.
     */
    @GetMapping(path = "/training/loss.svg", produces = SVG)
    ResponseEntity<String> lossCurve() {
        TrainingMonitor.Snapshot live = monitor.snapshot();
        if (live.running() || !live.lossCurve().isEmpty()) {
            return svg(LossCurveSvg.render(live.lossCurve(), live.lossEvery()));
        }
        String picture = registry.history()
                .map(h -> LossCurveSvg.render(h.lossCurve(), h.lossEvery()))
                .orElseGet(() -> LossCurveSvg.render(List.of(), 1));
        return svg(picture);
    }

    /** The live model's report and metadata, read in one go so they belong to the same model. */
    private ModelRegistry.Description live() {
        return registry.description().orElseThrow(() -> new ModelNotReadyException(registry.state()));
    }

    private static EvaluationReport report(ModelRegistry.Description live) {
        if (live.evaluation() == null) {
            // a model is served, but its checkpoint was saved before reports were stored
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The live model has no evaluation report");
        }
        return live.evaluation();
    }

    private static ResponseEntity<String> svg(String body) {
        // the pictures change with every model and training step: never cache them
        return ResponseEntity.ok().contentType(SVG_UTF8).cacheControl(CacheControl.noStore()).body(body);
    }
}
