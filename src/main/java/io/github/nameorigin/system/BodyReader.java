package io.github.nameorigin.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * For {@link RequestBodyGuard}: collects a request body as it arrives without holding a thread,
 * then dispatches the request again with the body, or answers the refusal itself (413, 408).
 * Callbacks may come from different threads (data and the timeout), so the state changes under
 * the lock.
 */
final class BodyReader implements ReadListener, AsyncListener {

    /**
     * How much of a refused body is read and thrown away after the 413 is sent, so that the client
     * can read the answer before the connection closes (closing with unread data resets the
     * connection, and the client may lose the answer with it).
     */
    private static final long DRAIN_BYTES = 128L << 20;

    /** Writes a refusal: the problem detail of a status. */
    @FunctionalInterface
    interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException;
    }

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final AsyncContext async;
    private final ServletInputStream in;
    private final long maxBytes;
    private final Refusal refusal;
    private final ByteArrayOutputStream body;
    private final byte[] buffer = new byte[8192];
    private boolean done;
    /** Bytes thrown away since the 413 was sent; -1 while the body is still wanted. */
    private long drained = -1;

    BodyReader(HttpServletRequest request, HttpServletResponse response, AsyncContext async, ServletInputStream in,
            long length, long maxBytes, Refusal refusal, ByteArrayOutputStream arrived) {
        this.request = request;
        this.response = response;
        this.async = async;
        this.in = in;
        this.maxBytes = maxBytes;
        this.refusal = refusal;
        // what was read before the reader took over: the start of the body
        this.body = arrived != null ? arrived : new ByteArrayOutputStream(1024);
        if (length > maxBytes) {
            tooLarge();
        }
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
        while (!done && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                // the end of the body (a premature end is an error, not -1); Tomcat may still
                // call onAllDataRead, or report the client's half-close as an error first
                onAllDataRead();
                return;
            }
            if (drained >= 0) {
                drained += n;
                if (drained > DRAIN_BYTES) {
                    close();
                }
            } else if (body.size() + n > maxBytes) {
                tooLarge();
            } else {
                body.write(buffer, 0, n);
            }
        }
    }

    @Override
    public synchronized void onAllDataRead() {
        if (drained >= 0) {
            close();
        } else {
            finish(body.toByteArray());
        }
    }

    /** Answers 413 and reads and discards the rest of the body (up to a bound). */
    private void tooLarge() {
        drained = 0;
        if (!refuse(HttpStatus.PAYLOAD_TOO_LARGE)) {
            close();
        }
    }

    /**
     * Writes the refusal here rather than through a dispatch: cheap when a thousand slow clients
     * time out together, and the 413 goes out while the client is still sending.
     */
    private boolean refuse(HttpStatus status) {
        try {
            refusal.write(request, response, status);
            return true;
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private void close() {
        if (!done) {
            done = true;
            async.complete();
        }
    }

    /**
     * The body broke its framing or the connection ended early: answered 400 through the error
     * dispatch (Tomcat's own answer to a failed asynchronous request would be a 500; written here
     * directly, it would come on top of Tomcat's). If the client is gone, the answer goes nowhere.
     */
    @Override
    public synchronized void onError(Throwable error) {
        if (done || drained >= 0) {
            close();
            return;
        }
        done = true;
        request.setAttribute(RequestBodyGuard.REFUSAL, HttpStatus.BAD_REQUEST);
        async.dispatch();
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) {
        if (!done && drained < 0) {
            refuse(HttpStatus.REQUEST_TIMEOUT);
        }
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    private void finish(byte[] bytes) {
        if (done) {
            return;
        }
        done = true;
        request.setAttribute(RequestBodyGuard.BODY, bytes);
        async.dispatch();
    }
}
