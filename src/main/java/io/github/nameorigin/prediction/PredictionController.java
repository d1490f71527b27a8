package io.github.nameorigin.prediction;

import static io.github.nameorigin.prediction.PredictionApiDocs.BATCH_ANSWER;
import static io.github.nameorigin.prediction.PredictionApiDocs.BATCH_REQUEST;
import static io.github.nameorigin.prediction.PredictionApiDocs.INVALID;
import static io.github.nameorigin.prediction.PredictionApiDocs.NOT_READY;
import static io.github.nameorigin.prediction.PredictionApiDocs.PROBLEM;
import static io.github.nameorigin.prediction.PredictionApiDocs.SINGLE_ANSWER;
import static io.github.nameorigin.prediction.PredictionApiDocs.SINGLE_REQUEST;
import static io.github.nameorigin.prediction.PredictionApiDocs.UNREADABLE;
import static io.github.nameorigin.prediction.PredictionApiDocs.UNSUPPORTED;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code POST /predict} and {@code GET /predict}: the most likely languages of origin of one
 * surname or of a list. Errors are answered as problem details by the system package's exception
 * handler.
 */
@RestController
class PredictionController {

    /**
     * How long a cache may reuse a GET answer without asking again. An answer changes only with
     * the model, and its tag says which model, so after this a cache revalidates cheaply with
     * {@code If-None-Match}; the age bounds how long a cache serves the old model's answer after
     * a new one is installed.
     */
    static final CacheControl GET_CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final PredictionService service;

    PredictionController(PredictionService service) {
        this.service = service;
    }

    /** Names the model version that answered, for clients and proxies that read headers only. */
    static final String MODEL_VERSION_HEADER = "X-Model-Version";

    /**
     * Answers JSON only: a client that accepts nothing but {@code application/problem+json} gets
     * 406 rather than a prediction labelled as a problem.
     */
    @Operation(summary = "Origins of one surname or of a list",
            description = "Send 'name' for one surname or 'names' for up to 1,000; a 'names' entry may be an object "
                    + "with an 'id' that the answer echoes. 'coverage' adds each name's prediction set.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = PredictionRequest.class), examples = {
                    @ExampleObject(name = "one name", value = SINGLE_REQUEST),
                    @ExampleObject(name = "names with ids and sets", value = BATCH_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "The origins, most likely first", content = @Content(
            schema = @Schema(implementation = PredictionResponse.class), examples = {
                    @ExampleObject(name = "one name", value = SINGLE_ANSWER),
                    @ExampleObject(name = "names with ids and sets", value = BATCH_ANSWER)}))
    @ApiResponse(responseCode = "400", description = "Invalid request: the detail says what to fix",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM), examples = {
                    @ExampleObject(name = "unusable name", value = INVALID),
                    @ExampleObject(name = "wrong type", value = UNREADABLE)}))
    @ApiResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "text", value = UNSUPPORTED)))
    @ApiResponse(responseCode = "503", description = "No model is ready yet, or the queue is full; see Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "loading", value = NOT_READY)))
    @PostMapping(path = "/predict", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PredictionResponse> predict(@RequestBody PredictionRequest request) {
        return answer(ResponseEntity.ok(), service.predict(request));
    }

    /**
     * The same answers as the POST, from the query: one {@code name} is answered as
     * {@code {"name": ...}}, several as {@code {"names": [...]}}.
     */
    @Operation(summary = "Origins of surnames given in the query, cacheable",
            description = "Answers exactly as the POST: one 'name' as {\"name\": ...}, several as {\"names\": [...]}. "
                    + "The strong ETag changes with the model and the normalised query; send it back in "
                    + "If-None-Match to get a 304.")
    @ApiResponse(responseCode = "200", description = "The origins, most likely first",
            headers = {@Header(name = "ETag", description = "strong tag of the model and the normalised query",
                    schema = @Schema(type = "string")),
                    @Header(name = "Cache-Control", description = "public, max-age=300", schema = @Schema(type = "string"))},
            content = @Content(schema = @Schema(implementation = PredictionResponse.class), examples = {
                    @ExampleObject(name = "one name", value = SINGLE_ANSWER)}))
    @ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current",
            headers = @Header(name = "ETag", description = "the current tag", schema = @Schema(type = "string")),
            content = @Content)
    @ApiResponse(responseCode = "400", description = "Invalid query: the detail says what to fix",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "unusable name", value = INVALID)))
    @ApiResponse(responseCode = "503", description = "No model is ready yet, or the queue is full; see Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "loading", value = NOT_READY)))
    @GetMapping(path = "/predict", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PredictionResponse> get(@RequestParam(name = "name", required = false) List<String> names,
            @RequestParam(required = false) Integer top, @RequestParam(required = false) Double coverage,
            @Parameter(description = "the origin mix: training, softened (default) or uniform")
            @RequestParam(required = false) String prior, WebRequest webRequest) {
        JsonNode mix = prior == null ? null : StringNode.valueOf(prior);
        PredictionRequest request = names != null && names.size() > 1
                ? new PredictionRequest(null, names.stream().map(n -> new NameItem(null, n)).toList(), top, coverage,
                        mix)
                : new PredictionRequest(names == null ? null : names.get(0), null, top, coverage, mix);
        String tag = service.entityTag(request);
        if (webRequest.checkNotModified(tag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).cacheControl(GET_CACHING).build();
        }
        return answer(ResponseEntity.ok().eTag(tag).cacheControl(GET_CACHING), service.predict(request));
    }

    /** The answer, its model version also in a header for clients and proxies that read headers only. */
    private static ResponseEntity<PredictionResponse> answer(ResponseEntity.BodyBuilder ok, PredictionResponse response) {
        if (response.model() != null) {
            ok.header(MODEL_VERSION_HEADER, response.model());
        }
        return ok.body(response);
    }
}
