package io.github.nameorigin.prediction;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A prediction request the client must fix: answered 400 with a problem detail naming the field.
 */
public class InvalidPredictionRequestException extends ErrorResponseException {

    /**
     * Creates the exception.
     *
     * @param field  the offending field, such as {@code names[2]}
     * @param detail what is wrong and how to fix it, shown to the client
     */
    public InvalidPredictionRequestException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(field, detail), null);
    }

    private static ProblemDetail problem(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid prediction request");
        problem.setProperty("field", field);
        return problem;
    }
}
