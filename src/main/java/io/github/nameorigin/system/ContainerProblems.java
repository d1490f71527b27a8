package io.github.nameorigin.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem details for errors the servlet container decided rather than a controller: the status
 * Tomcat chose, titled by its reason phrase, with a detail a client can act on. Shared by the error
 * dispatch ({@link ProblemDetailsErrorController}) and by the requests Tomcat rejects before any
 * servlet runs ({@link ProblemDetailsErrorReportValve}), so both answer in one shape.
 */
final class ContainerProblems {

    private ContainerProblems() {
    }

    /** The given status code if it is a known error status; anything else (none, unknown, not an error) is a 500. */
    static HttpStatus errorStatus(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static ProblemDetail forStatus(HttpStatus status) {
        return ProblemDetail.forStatusAndDetail(status, detail(status));
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be understood; check the URL, headers and body.";
            case NOT_FOUND -> "No resource at this path; predictions are at POST /predict.";
            case METHOD_NOT_ALLOWED -> "This method is not supported at this path; predictions are at POST /predict.";
            case PAYLOAD_TOO_LARGE -> "The request is too large; send fewer names per request.";
            case REQUEST_TIMEOUT -> "The request did not arrive in time; send it again, all at once.";
            case NOT_IMPLEMENTED -> "The request needs a feature this service does not support, such as its method or "
                    + "transfer coding; send a plain HTTP/1.1 request.";
            case HTTP_VERSION_NOT_SUPPORTED -> "This HTTP version is not supported; use HTTP/1.1.";
            default -> status.is5xxServerError()
                    ? "The service failed to handle the request. Retry later; if it persists, report the time of the request."
                    : status.getReasonPhrase() + ".";
        };
    }
}
