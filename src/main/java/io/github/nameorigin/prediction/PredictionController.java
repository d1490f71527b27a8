package io.github.nameorigin.prediction;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /predict}: the most likely languages of origin of one surname or of a list.
 * Errors are answered as problem details by the system package's exception handler.
 */
@RestController
class PredictionController {

    private final PredictionService service;

    PredictionController(PredictionService service) {
        this.service = service;
    }

    /** Names the model version that answered, for clients and proxies that read headers only. */
    static final String MODEL_VERSION_HEADER = "X-Model-Version";

    @PostMapping(path = "/predict", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PredictionResponse> predict(@RequestBody PredictionRequest request) {
        PredictionResponse response = service.predict(request);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (response.model() != null) {
            ok.header(MODEL_VERSION_HEADER, response.model());
        }
        return ok.body(response);
    }
}
