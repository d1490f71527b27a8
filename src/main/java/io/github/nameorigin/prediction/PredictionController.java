package io.github.nameorigin.prediction;

import java.time.Duration;
import java.util.List;

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
    @PostMapping(path = "/predict", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PredictionResponse> predict(@RequestBody PredictionRequest request) {
        PredictionResponse response = service.predict(request);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (response.model() != null) {
            ok.header(MODEL_VERSION_HEADER, response.model());
        }
        return ok.body(response);
    }

    /**
     * The same answers as the POST, from the query: one {@code name} is answered as
     * {@code {"name": ...}}, several as {@code {"names": [...]}}.
     */
    @GetMapping(path = "/predict", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PredictionResponse> get(@RequestParam(name = "name", required = false) List<String> names,
            @RequestParam(required = false) Integer top, @RequestParam(required = false) Double coverage,
            WebRequest webRequest) {
        PredictionRequest request = names != null && names.size() > 1
                ? new PredictionRequest(null, names.stream().map(n -> new NameItem(null, n)).toList(), top, coverage)
                : new PredictionRequest(names == null ? null : names.get(0), null, top, coverage);
        String tag = service.entityTag(request);
        if (webRequest.checkNotModified(tag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).cacheControl(GET_CACHING).build();
        }
        return ResponseEntity.ok().eTag(tag).cacheControl(GET_CACHING).body(service.predict(request));
    }
}
