package io.github.nameorigin.system;

import java.io.ByteArrayOutputStream;
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
 * <li>A body that arrived whole with the headers (the usual case) is read at once. Any other body
 * is read with servlet non-blocking I/O: while a client trickles its body in,
 * it holds a connection but no thread, so slow clients cannot starve the others. A chunked body
 * is counted as it arrives and refused with 413 once it passes the limit; a body not complete
 * within the body timeout is answered 408. Only then is the request dispatched again, with the
 * body in memory, to the handlers.</li>
 * </ul>
 * The 413 of a client that waits for {@code 100 Continue} goes through the servlet error
 * dispatch, so {@link ProblemDetailsErrorController} answers it like every other error; the
 * refusals while a body is read asynchronously are written here, in the same shape.
 */
class RequestBodyGuard extends OncePerRequestFilter {

    /** The request attribute holding a problem's detail for the error dispatch. */
    static final String DETAIL = RequestBodyGuard.class.getName() + ".detail";

    /** The request attribute holding the body {@link BodyReader} read, for the async dispatch. */
    static final String BODY = RequestBodyGuard.class.getName() + ".body";
    /** The request attribute holding the status a broken body is refused with, for the async dispatch. */
    static final String REFUSAL = RequestBodyGuard.class.getName() + ".refusal";

    private final long maxBytes;
    private final long timeoutMillis;
    private final JsonMapper json;

    RequestBodyGuard(NameOriginProperties.Request limits, JsonMapper json) {
        this.maxBytes = limits.maxBodySize().toBytes();
        this.timeoutMillis = limits.bodyTimeout().toMillis();
        this.json = json;
    }

    /**
     * The management API is left to Spring Security, which refuses a request without the key
     * before its body is read: its checkpoint upload is larger than any prediction (bounded by the
     * multipart limits), and the asynchronous second pass of a body read here would reach the
     * security chain without the authentication of the first.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/models") || path.startsWith("/models/");
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
            ServletInputStream in = request.getInputStream();
            ByteArrayOutputStream arrived = length > maxBytes ? null : alreadyArrived(in, length);
            if (arrived != null && arrived.size() == length) {
                // the usual case: the whole body came with the headers, no need to wait for it
                chain.doFilter(new BufferedBodyRequest(request, arrived.toByteArray()), response);
                return;
            }
            AsyncContext async = request.startAsync();
            async.setTimeout(timeoutMillis);
            BodyReader reader = new BodyReader(request, response, async, in, length, maxBytes, this::answer, arrived);
            async.addListener(reader);
            in.setReadListener(reader);
        }
    }

    /**
     * The part of a body of known length that the server has already received: reading it does
     * not wait for the client ({@code available()} counts only bytes already received).
     */
    private static ByteArrayOutputStream alreadyArrived(ServletInputStream in, long length) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
        byte[] buffer = new byte[8192];
        while (body.size() < length && in.available() > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - body.size()));
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
        }
        return body;
    }

    private void afterBody(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(BODY) instanceof byte[] bytes) {
            request.removeAttribute(BODY);
            chain.doFilter(new BufferedBodyRequest(request, bytes), response);
        } else if (request.getAttribute(REFUSAL) instanceof HttpStatus status) {
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
     * Writes a refusal while the request is still asynchronous: the 413 goes out while the client
     * may still be sending (the error dispatch would end the request and close the connection on
     * unread data, and the client could lose the answer), and a thousand slow clients timing out
     * together cost a write each rather than a trip through Spring MVC. Same shape as
     * {@link ProblemDetailsErrorController}'s.
     */
    private void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
        ProblemDetail problem = ContainerProblems.forStatus(status);
        problem.setDetail(detail(status));
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // Tomcat accepted a path java.net.URI does not: answer without the instance
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
        response.flushBuffer();
    }
}
