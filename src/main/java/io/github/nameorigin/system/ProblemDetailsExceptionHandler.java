package io.github.nameorigin.system;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import io.github.nameorigin.model.ModelNotReadyException;
import io.github.nameorigin.model.ModelState;

/**
 * The one place that turns exceptions into RFC 9457 problem details. Spring MVC's own exceptions
 * (404, 405, 415, unreadable body) and every {@link org.springframework.web.ErrorResponseException}
 * (such as the prediction package's 400 and 503) come through {@link ResponseEntityExceptionHandler};
 * this class adds the model-not-ready 503 and a generic 500, and rewrites the details Spring
 * would phrase in Java terms. As a response body advice it also gives a problem detail to errors
 * that handlers (such as the actuator's) answer without a body.
 */
@RestControllerAdvice
class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler implements ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    @ExceptionHandler(ModelNotReadyException.class)
    ResponseEntity<Object> handleModelNotReady(ModelNotReadyException exception, WebRequest request) {
        ModelState state = exception.state();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, notReadyDetail(state));
        problem.setTitle("Model not ready");
        problem.setProperty("modelState", state.name());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter(state).toSeconds()));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** A management request without the right key ({@link ManagementSecurity}); the detail never echoes it. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleUnauthenticated(AuthenticationException exception, WebRequest request) {
        String detail = exception instanceof BadCredentialsException ? exception.getMessage()
                : "Send the management API key in the " + ManagementSecurity.HEADER + " header.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Unauthorized");
        return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception exception, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed to handle the request. Retry later; if it persists, report the time of the request.");
        return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, JsonReadErrors.describe(exception));
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        MediaType sent = exception.getContentType();
        String raw = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String detail = sent != null
                ? "Content type '" + sent + "' is not supported; send the body as application/json."
                : raw == null || raw.isBlank() ? "The request has no Content-Type; send the body as application/json."
                // Spring could not parse it: a syntax error or a charset Java does not know
                : "Content type '" + abbreviate(raw) + "' could not be parsed or names an unknown charset; "
                        + "send the body as application/json (UTF-8).";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "No resource at /" + exception.getResourcePath() + "; predictions are at POST /predict.");
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    /**
     * Every problem leaves through here: logs server errors once, at ERROR, with the stack trace.
     * A client that went away while its answer was written (a load generator stopping, a closed
     * tab, a proxy's timeout) is not one: nothing can be sent and nothing failed on our side, so it
     * is logged at DEBUG and answered with nothing. It reaches here from any handler, for example
     * as Spring's {@link org.springframework.http.converter.HttpMessageNotWritableException}, and
     * Spring's {@link DisconnectedClientHelper} recognises it (a broken pipe, a reset, an aborted
     * or unusable response).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(exception)) {
            log.debug("Client disconnected before the answer to {} was written: {}", describe(request),
                    exception.toString());
            return null;
        }
        if (status.is5xxServerError() && status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            log.error("Request {} failed", describe(request), exception);
        } else {
            log.debug("Request {} answered {}: {}", describe(request), status.value(), exception.getMessage());
        }
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        if (body instanceof ProblemDetail) {
            // Set here so that no Accept header (application/json only, or one that cannot even be
            // parsed) can leave a problem without a body.
            answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.handleExceptionInternal(exception, body, answer, status, request);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /**
     * An error answered without a body, such as the actuator's 404 for an unknown health group,
     * gets the problem detail of its status instead of an empty body.
     */
    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body != null || !(response instanceof ServletServerHttpResponse servlet)
                || servlet.getServletResponse().getStatus() < 400) {
            return body;
        }
        ProblemDetail problem = ContainerProblems.forStatus(ContainerProblems.errorStatus(servlet.getServletResponse().getStatus()));
        problem.setInstance(URI.create(request.getURI().getRawPath()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return problem;
    }

    /** The start of a header value for a detail: enough to recognise it, never a flood. */
    private static String abbreviate(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            return servlet.getHttpMethod() + " " + servlet.getRequest().getRequestURI();
        }
        return request.getDescription(false);
    }

    private static String notReadyDetail(ModelState state) {
        return switch (state) {
            case LOADING -> "The model is still loading; retry in a few seconds.";
            case TRAINING -> "The model is being trained; retry later.";
            case FAILED -> "No model could be loaded or trained; predictions are unavailable until an operator fixes it.";
            case READY -> "The model is being replaced; retry.";
        };
    }

    private static Duration retryAfter(ModelState state) {
        return switch (state) {
            case LOADING, READY -> Duration.ofSeconds(5);
            case TRAINING -> Duration.ofSeconds(30);
            case FAILED -> Duration.ofSeconds(300);
        };
    }
}
