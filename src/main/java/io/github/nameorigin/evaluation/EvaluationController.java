package io.github.nameorigin.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.ModelNotReadyException;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.PredictionSets;
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

    EvaluationController(ModelRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/model/evaluation")
    LiveEvaluation evaluation() {
        ModelRegistry.Description live = live();
        return new LiveEvaluation(report(live), live.metadata().refit(), SetFigures.of(live.metadata().predictionSets()));
    }

    /**
     * The live model's validation report, and whether the network served is not the one it
     * scored but a second one trained on all names afterwards.
     *
     * @param report the validation report, its fields inlined
     * @param refit  null when the scored network is served; otherwise the names and examples the
     *               served network was trained on
     * @param predictionSets the prediction sets' figures, or null when the model has none
     */
    record LiveEvaluation(@JsonUnwrapped EvaluationReport report, CheckpointMetadata.Refit refit,
            SetFigures predictionSets) {
    }

    /**
     * How the live model's prediction sets did on validation names the threshold was not fitted
     * on (a cross-fit, see {@link io.github.nameorigin.model.PredictionSetFitting}).
     *
     * @param method           {@code raps}: regularised adaptive prediction sets, not randomised
     * @param lambda           the penalty per origin beyond {@code kReg}
     * @param kReg             origins free of penalty
     * @param calibrationNames names the stored threshold scores come from
     * @param coverage         empirical coverage and mean set size per target coverage
     * @param selective        accuracy when only the most confident answers are kept
     */
    record SetFigures(String method, double lambda, int kReg, int calibrationNames,
            List<PredictionSets.CoverageCheck> coverage, List<PredictionSets.SelectivePoint> selective) {

        static SetFigures of(PredictionSets sets) {
            return sets == null ? null : new SetFigures("raps", sets.lambda(), sets.kReg(), sets.scores().length,
                    sets.checks(), sets.selective());
        }
    }

    @GetMapping(path = "/model/evaluation/selective.svg", produces = SVG)
    ResponseEntity<String> selectiveAccuracy() {
        PredictionSets sets = live().metadata().predictionSets();
        return svg(SelectiveAccuracySvg.render(sets == null ? List.of() : sets.selective()));
    }

    @GetMapping(path = "/model/evaluation/confusion.svg", produces = SVG)
    ResponseEntity<String> confusionMatrix() {
        return svg(ConfusionMatrixSvg.render(report(live())));
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
