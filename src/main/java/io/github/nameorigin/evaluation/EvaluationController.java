package io.github.nameorigin.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.PriorCalibration;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.ModelNotReadyException;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.PredictionSets;
import io.github.nameorigin.training.TrainingMonitor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    @Operation(summary = "The live model's validation report", description = "Top-1, top-3, macro-F1, calibration "
            + "error, per-origin scores, the confusion matrix, and the prediction sets' coverage and selective accuracy.")
    @ApiResponse(responseCode = "200", description = "The report", content = @Content(
            schema = @Schema(implementation = LiveEvaluation.class),
            examples = @ExampleObject(name = "bundled model", value = EvaluationApiDocs.EVALUATION)))
    @ApiResponse(responseCode = "404", description = "The live model was saved without a report",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = EvaluationApiDocs.PROBLEM),
                    examples = @ExampleObject(name = "no report", value = "{\"detail\":\"The live model has no "
                            + "evaluation report\",\"instance\":\"/model/evaluation\",\"status\":404,\"title\":\"Not Found\"}")))
    @ApiResponse(responseCode = "503", description = "No model is ready yet", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = EvaluationApiDocs.PROBLEM),
            examples = @ExampleObject(name = "training", value = EvaluationApiDocs.NOT_READY)))
    @GetMapping("/model/evaluation")
    LiveEvaluation evaluation() {
        ModelRegistry.Description live = live();
        return new LiveEvaluation(report(live), live.metadata().refit(), SetFigures.of(live.metadata().predictionSets()),
                live.metadata().crossSource(), PriorFigures.of(live.metadata().priorCalibrations()));
    }

    /**
     * The live model's validation report, and whether the network served is not the one it
     * scored but a second one trained on all names afterwards.
     *
     * @param report the validation report, its fields inlined
     * @param refit  null when the scored network is served; otherwise the names and examples the
     *               served network was trained on
     * @param predictionSets the prediction sets' figures, or null when the model has none
     * @param crossSource the validated network on names of a source it did not train on (under
     *               the training mix and an even one), and the validation names under an even
     *               mix; null when the model was trained without a held-out source
     * @param priors the validation names under each named mix other than the training one, as
     *               answered (with that mix's calibration map); null when the model has none
     */
    record LiveEvaluation(@JsonUnwrapped EvaluationReport report, CheckpointMetadata.Refit refit,
            SetFigures predictionSets, CheckpointMetadata.CrossSource crossSource, List<PriorFigures> priors) {
    }

    /**
     * The validation names under a named origin mix.
     *
     * @param prior the mix's name
     * @param top1  top-1 accuracy
     * @param ece   expected calibration error of the answers, out of fold
     */
    record PriorFigures(String prior, double top1, double ece) {

        static List<PriorFigures> of(List<PriorCalibration> calibrations) {
            return calibrations == null ? null
                    : calibrations.stream().map(c -> new PriorFigures(c.prior(), c.top1(), c.ece())).toList();
        }
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

    @Operation(summary = "Selective accuracy as a picture",
            description = "Top-1 accuracy against the share of names answered when only the most confident are kept.")
    @ApiResponse(responseCode = "200", description = "SVG picture; says so when the model has no prediction sets", content = @Content(mediaType = SVG,
            schema = @Schema(type = "string"), examples = @ExampleObject(name = "picture", value = EvaluationApiDocs.SVG_EXAMPLE)))
    @ApiResponse(responseCode = "503", description = "No model is ready yet", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = EvaluationApiDocs.PROBLEM),
            examples = @ExampleObject(name = "training", value = EvaluationApiDocs.NOT_READY)))
    @GetMapping(path = "/model/evaluation/selective.svg", produces = SVG)
    ResponseEntity<String> selectiveAccuracy() {
        PredictionSets sets = live().metadata().predictionSets();
        return svg(SelectiveAccuracySvg.render(sets == null ? List.of() : sets.selective()));
    }

    @Operation(summary = "The confusion matrix as a picture", description = "Rows: true origin, normalised per row.")
    @ApiResponse(responseCode = "200", description = "SVG picture", content = @Content(mediaType = SVG,
            schema = @Schema(type = "string"), examples = @ExampleObject(name = "picture", value = EvaluationApiDocs.SVG_EXAMPLE)))
    @ApiResponse(responseCode = "503", description = "No model is ready yet", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = EvaluationApiDocs.PROBLEM),
            examples = @ExampleObject(name = "training", value = EvaluationApiDocs.NOT_READY)))
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
