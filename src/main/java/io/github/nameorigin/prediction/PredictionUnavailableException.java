package io.github.nameorigin.prediction;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The service cannot take the request now (queue full, shutting down): answered 503 with a
 * {@code Retry-After} header.
 */
public class PredictionUnavailableException extends ErrorResponseException {

    /**
     * Creates the exception.
     *
     * @param detail     why, shown to the client
     * @param retryAfter when the client may try again
     */
    public PredictionUnavailableException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service unavailable");
        return problem;
    }
}
