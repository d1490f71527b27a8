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
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Requested directly (GET /error), not by the container's error dispatch: nothing here.
            ProblemDetail problem = ContainerProblems.forStatus(HttpStatus.NOT_FOUND);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        HttpStatus status = ContainerProblems.errorStatus(code);
        ProblemDetail problem = ContainerProblems.forStatus(status);
        if (request.getAttribute(RequestBodyGuard.DETAIL) instanceof String detail) {
            problem.setDetail(detail);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isEmpty()) {
            problem.setInstance(URI.create(path.replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
