package io.github.nameorigin.training;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.nameorigin.evaluation.EvaluationApiDocs;
import io.github.nameorigin.evaluation.LossCurveSvg;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.github.nameorigin.model.ModelRegistry;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /training/loss.svg}: the training loss curve as a picture, beside the status it
 * belongs to.
 */
@RestController
class LossCurveController {

    private static final MediaType SVG_UTF8 = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

    private final ModelRegistry registry;
    private final TrainingMonitor monitor;

    LossCurveController(ModelRegistry registry, TrainingMonitor monitor) {
        this.registry = registry;
        this.monitor = monitor;
    }

    /**
     * The live training run's curve while it runs or once it has points (a run's curve stays
     * after it ends); otherwise the curve stored with the live model; otherwise an empty chart.
     */
    @Operation(summary = "The training loss curve as a picture", description = "The live run's while training, "
            + "else the one stored with the live model.")
    @ApiResponse(responseCode = "200", description = "SVG picture", content = @Content(mediaType = "image/svg+xml",
            schema = @Schema(type = "string"), examples = @ExampleObject(name = "picture",
                    value = EvaluationApiDocs.SVG_EXAMPLE)))
    @GetMapping(path = "/training/loss.svg", produces = "image/svg+xml")
    ResponseEntity<String> lossCurve() {
        TrainingMonitor.Snapshot live = monitor.snapshot();
        String picture;
        if (live.running() || !live.lossCurve().isEmpty()) {
            picture = LossCurveSvg.render(live.lossCurve(), live.lossEvery());
        } else {
            picture = registry.history()
                    .map(h -> LossCurveSvg.render(h.lossCurve(), h.lossEvery()))
                    .orElseGet(() -> LossCurveSvg.render(List.of(), 1));
        }
        // the curve changes with every training step and every model: never cache it
        return ResponseEntity.ok().contentType(SVG_UTF8).cacheControl(CacheControl.noStore()).body(picture);
    }
}
