package io.github.nameorigin.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a failed request, as a problem detail instead of Tomcat's HTML page. It
 * speaks only when nothing else wrote a body: in practice for requests Tomcat rejects before they
 * reach any servlet, such as a URL with a malformed percent-escape ({@code /predict%}), an invalid
 * header line or an unsupported HTTP version, which no error page can handle because the request
 * was never mapped to the web application. Everything that reaches the application is answered
 * by {@link ProblemDetailsErrorController} through the error dispatch. Like Spring Boot's own
 * valve it shows neither the exception nor the server version.
 */
final class ProblemDetailsErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorReportValve.class);

    /**
     * A 400 that gets here was decided by Tomcat's parser, before the request was mapped: a bad
     * request line (method, target, version), a URL with a bad percent-escape, an encoded slash or
     * {@code ..} above the root, or a malformed, missing or over-long header.
     */
    static final String UNPARSEABLE_REQUEST = "The request line, URL or headers could not be parsed; percent-encode "
            + "special characters in the URL (a literal % as %25) and send well-formed header lines.";

    private final JsonMapper json;

    ProblemDetailsErrorReportValve(JsonMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // The same guards as the HTML report: errors only, nothing written yet, reported once,
        // and only while the connection can still carry a body.
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = ContainerProblems.errorStatus(code);
        ProblemDetail problem = ContainerProblems.forStatus(status);
        if (status == HttpStatus.BAD_REQUEST) {
            problem.setDetail(UNPARSEABLE_REQUEST);
        }
        try {
            ResponseHeadersFilter.set(response);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ex) {
            // The client is gone or the response can no longer be written: nothing left to send.
            log.debug("Could not write the problem detail for status {}: {}", code, ex.toString());
        }
    }
}
