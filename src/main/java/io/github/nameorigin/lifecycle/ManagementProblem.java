package io.github.nameorigin.lifecycle;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A management request that cannot be done, answered as problem details by the system's exception
 * handler: 404 for an unknown version, 409 for a conflict with the store's state, 400 for a bad
 * request.
 */
class ManagementProblem extends ErrorResponseException {

    ManagementProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static ManagementProblem notFound(String id) {
        return new ManagementProblem(HttpStatus.NOT_FOUND, "No such model version",
                "There is no model version " + id + "; GET /models lists them.");
    }

    static ManagementProblem conflict(String title, String detail) {
        return new ManagementProblem(HttpStatus.CONFLICT, title, detail);
    }

    static ManagementProblem badRequest(String title, String detail) {
        return new ManagementProblem(HttpStatus.BAD_REQUEST, title, detail);
    }
}
