package io.github.nameorigin.system;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatch (errors raised outside Spring MVC handlers, such
 * as in a filter or by Tomcat itself) with the same problem-detail shape as the exception handler.
 * It replaces Spring Boot's {@code BasicErrorController}, whose body has another shape. It never
 * shows the exception: Tomcat has already logged it.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemDetailsErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isEmpty()) {
            problem.setInstance(URI.create(path.replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be understood; check the URL, headers and body.";
            case NOT_FOUND -> "No resource at this path; predictions are at POST /predict.";
            case METHOD_NOT_ALLOWED -> "This method is not supported at this path; predictions are at POST /predict.";
            case PAYLOAD_TOO_LARGE -> "The request is too large; send fewer names per request.";
            default -> status.is5xxServerError()
                    ? "The service failed to handle the request. Retry later; if it persists, report the time of the request."
                    : status.getReasonPhrase() + ".";
        };
    }
}
