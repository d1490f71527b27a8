package io.github.nameorigin.prediction;

import org.springframework.http.MediaType;
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

    /**
     * Answers JSON only: a client that accepts nothing but {@code application/problem+json} gets
     * 406 rather than a prediction labelled as a problem.
     */
    @PostMapping(path = "/predict", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    PredictionResponse predict(@RequestBody PredictionRequest request) {
        return service.predict(request);
    }
}
