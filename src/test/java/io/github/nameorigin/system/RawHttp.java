package io.github.nameorigin.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a raw socket, for requests no HTTP client would send: writes the bytes as given
 * and reads every response that comes back.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** One response; {@code body} is decoded from chunks when the response was chunked. */
    record Response(int status, Map<String, String> headers, String body, String head) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What came back on one connection. */
    record Exchange(List<Response> responses, String raw, boolean timedOut) {
    }

    /**
     * Writes the request and reads until the server closes the connection, or until a complete
     * response has been followed by a tenth of a second of silence (a kept-alive connection).
     */
    static Exchange exchange(int port, byte[] request, int timeoutMillis, boolean head) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean timedOut = false;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException closedEarly) {
                // The server answered and closed before taking the whole request (a refused body).
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    received.write(buffer, 0, n);
                } catch (SocketTimeoutException quiet) {
                    if (complete(received.toString(StandardCharsets.ISO_8859_1), head)) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        timedOut = true;
                        break;
                    }
                } catch (SocketException reset) {
                    break;
                }
            }
        }
        String raw = received.toString(StandardCharsets.ISO_8859_1);
        return new Exchange(parse(raw, head), raw, timedOut);
    }

    /** Whether the bytes end with a whole final response. */
    private static boolean complete(String raw, boolean head) {
        List<Response> responses = parse(raw, head);
        if (responses.isEmpty()) {
            return false;
        }
        Response last = responses.get(responses.size() - 1);
        if (head || last.status() == 204 || last.status() == 304) {
            return true;
        }
        String length = last.header("content-length");
        if (length != null) {
            return last.body().getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length);
        }
        return "chunked".equalsIgnoreCase(last.header("transfer-encoding")) && raw.endsWith("0\r\n\r\n");
    }

    /** Every complete response in the bytes, 1xx interim responses left out. */
    static List<Response> parse(String raw, boolean head) {
        List<Response> responses = new ArrayList<>();
        int at = 0;
        while (at < raw.length()) {
            int end = raw.indexOf("\r\n\r\n", at);
            if (end < 0 || !raw.startsWith("HTTP/", at)) {
                break;
            }
            String[] lines = raw.substring(at, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            at = end + 4;
            if (status < 200) {
                continue;
            }
            StringBuilder body = new StringBuilder();
            if (head || status == 204 || status == 304) {
                // no body
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                while (true) {
                    int lineEnd = raw.indexOf("\r\n", at);
                    if (lineEnd < 0) {
                        at = raw.length();
                        break;
                    }
                    int size = Integer.parseInt(raw.substring(at, lineEnd).split(";")[0].trim(), 16);
                    at = lineEnd + 2;
                    if (size == 0) {
                        int trailerEnd = raw.indexOf("\r\n", at);
                        at = trailerEnd < 0 ? raw.length() : trailerEnd + 2;
                        break;
                    }
                    body.append(raw, at, Math.min(raw.length(), at + size));
                    at = Math.min(raw.length(), at + size + 2);
                }
            } else if (headers.containsKey("content-length")) {
                int length = Integer.parseInt(headers.get("content-length"));
                body.append(raw, at, Math.min(raw.length(), at + length));
                at = Math.min(raw.length(), at + length);
            } else {
                body.append(raw, at, raw.length());
                at = raw.length();
            }
            String text = new String(body.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            responses.add(new Response(status, headers, text, String.join("\r\n", lines)));
        }
        return responses;
    }
}
