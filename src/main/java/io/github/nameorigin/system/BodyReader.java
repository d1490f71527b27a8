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
 * then dispatches the request again with the body or with the status it was refused with.
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

    /** Writes the 413 answer. */
    @FunctionalInterface
    interface TooLargeAnswer {
        void write(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final AsyncContext async;
    private final ServletInputStream in;
    private final long maxBytes;
    private final TooLargeAnswer tooLargeAnswer;
    private final ByteArrayOutputStream body;
    private final byte[] buffer = new byte[8192];
    private boolean done;
    /** Bytes thrown away since the 413 was sent; -1 while the body is still wanted. */
    private long drained = -1;

    BodyReader(HttpServletRequest request, HttpServletResponse response, AsyncContext async, ServletInputStream in,
            long length, long maxBytes, TooLargeAnswer tooLargeAnswer) {
        this.request = request;
        this.response = response;
        this.async = async;
        this.in = in;
        this.maxBytes = maxBytes;
        this.tooLargeAnswer = tooLargeAnswer;
        this.body = new ByteArrayOutputStream(length > 0 && length <= maxBytes ? (int) length : 1024);
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
            finish(RequestBodyGuard.BODY, body.toByteArray());
        }
    }

    /** Answers 413 and reads and discards the rest of the body (up to a bound). */
    private void tooLarge() {
        drained = 0;
        try {
            tooLargeAnswer.write(request, response);
        } catch (IOException | RuntimeException gone) {
            close();
        }
    }

    private void close() {
        if (!done) {
            done = true;
            async.complete();
        }
    }

    /**
     * The body ended before it was complete or broke its framing. The client may still be
     * there (a half-closed connection): tell it; if it is gone, the answer goes nowhere.
     */
    @Override
    public synchronized void onError(Throwable error) {
        if (drained >= 0) {
            close();
        } else {
            finish(RequestBodyGuard.REFUSAL, HttpStatus.BAD_REQUEST);
        }
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) {
        if (drained >= 0) {
            close();
        } else {
            finish(RequestBodyGuard.REFUSAL, HttpStatus.REQUEST_TIMEOUT);
        }
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

    private void finish(String attribute, Object value) {
        if (done) {
            return;
        }
        done = true;
        request.setAttribute(attribute, value);
        async.dispatch();
    }
}
