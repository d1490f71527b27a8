package io.github.nameorigin.system;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every request body before a handler sees it, so that neither a huge body nor a slow one
 * can take the service's memory or its request threads.
 *
 * <ul>
 * <li>A body whose {@code Content-Length} is over the limit is refused with 413 before any of it
 * is read (a client that sent {@code Expect: 100-continue} never sends it).</li>
 * <li>Any other body is read with servlet non-blocking I/O: while a client trickles its body in,
 * it holds a connection but no thread, so slow clients cannot starve the others. A chunked body
 * is counted as it arrives and refused with 413 once it passes the limit; a body not complete
 * within the body timeout is answered 408. Only then is the request dispatched again, with the
 * body in memory, to the handlers.</li>
 * </ul>
 * The 408 and the 413 of a client that waits for {@code 100 Continue} go through the servlet
 * error dispatch, so {@link ProblemDetailsErrorController} answers them like every other error; a
 * 413 while the body is coming is written here (see {@code tooLarge}), in the same shape.
 */
class RequestBodyGuard extends OncePerRequestFilter {

    /** The request attribute holding a problem's detail for the error dispatch. */
    static final String DETAIL = RequestBodyGuard.class.getName() + ".detail";

    /** The request attribute holding the body {@link BodyReader} read, for the async dispatch. */
    static final String BODY = RequestBodyGuard.class.getName() + ".body";
    /** The request attribute holding the status the body was refused with, for the async dispatch. */
    static final String REFUSAL = RequestBodyGuard.class.getName() + ".refusal";

    private final long maxBytes;
    private final long timeoutMillis;
    private final JsonMapper json;

    RequestBodyGuard(NameOriginProperties.Request limits, JsonMapper json) {
        this.maxBytes = limits.maxBodySize().toBytes();
        this.timeoutMillis = limits.bodyTimeout().toMillis();
        this.json = json;
    }

    /** The second pass, after the body has been read, is an async dispatch. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            afterBody(request, response, chain);
            return;
        }
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (length == 0 || length < 0 && !chunked) {
            chain.doFilter(request, response);
        } else if (length > maxBytes && request.getHeader(HttpHeaders.EXPECT) != null) {
            // The client waits for 100 Continue, which is never sent: it sends no body at all.
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE);
        } else {
            AsyncContext async = request.startAsync();
            async.setTimeout(timeoutMillis);
            ServletInputStream in = request.getInputStream();
            BodyReader reader = new BodyReader(request, response, async, in, length, maxBytes, this::tooLarge);
            async.addListener(reader);
            in.setReadListener(reader);
        }
    }

    private void afterBody(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object body = request.getAttribute(BODY);
        Object refusal = request.getAttribute(REFUSAL);
        if (body instanceof byte[] bytes) {
            request.removeAttribute(BODY);
            chain.doFilter(new BufferedBodyRequest(request, bytes), response);
        } else if (refusal instanceof HttpStatus status) {
            request.removeAttribute(REFUSAL);
            refuse(request, response, status);
        } else {
            chain.doFilter(request, response);
        }
    }

    private String detail(HttpStatus status) {
        return switch (status) {
            case PAYLOAD_TOO_LARGE -> "The request body is larger than " + maxBytes
                    + " bytes, the most this service accepts; send fewer names per request.";
            case REQUEST_TIMEOUT -> "The request body did not arrive within " + timeoutMillis / 1000
                    + " s; send the whole body at once.";
            default -> "The request body ended before it was complete or its chunked framing is broken; "
                    + "send exactly Content-Length bytes, or well-formed chunks ending with a last chunk.";
        };
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
        request.setAttribute(DETAIL, detail(status));
        // The rest of the body is not wanted: do not keep the connection for another request.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.sendError(status.value());
    }

    /**
     * Answers 413 at once, while the client may still be sending: written here rather than
     * through the error dispatch, which would end the request and close the connection on unread
     * data (the client could then lose the answer).
     */
    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ContainerProblems.forStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        problem.setDetail(detail(HttpStatus.PAYLOAD_TOO_LARGE));
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // Tomcat accepted a path java.net.URI does not: answer without the instance
        }
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
        response.flushBuffer();
    }
}
