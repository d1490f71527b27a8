package io.github.nameorigin.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a UTF-8 request body that is not well-formed UTF-8 before the JSON reader sees it: the
 * reader accepts overlong forms ({@code C0 AF} read as {@code /}), encoded surrogates and code
 * points past U+10FFFF, and would answer for a name the client never sent. Java's decoder rejects
 * all three. Bodies are small here ({@link RequestBodyGuard} bounds them), so the check reads the
 * whole body and hands the same bytes on.
 */
@ControllerAdvice
class StrictUtf8Body extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type == null ? null : type.getCharset();
        if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        checkUtf8(body, input);
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    private static void checkUtf8(byte[] body, HttpInputMessage input) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        CharBuffer chars = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, true);
            if (result.isError()) {
                throw new HttpMessageNotReadableException("Invalid UTF-8", new InvalidUtf8(bytes.position()), input);
            }
            if (result.isUnderflow()) {
                return;
            }
            chars.clear();
        }
    }

    /** Where in the body the UTF-8 breaks, for {@link JsonReadErrors}. */
    static final class InvalidUtf8 extends CharacterCodingException {

        private static final long serialVersionUID = 1L;

        private final int offset;

        InvalidUtf8(int offset) {
            this.offset = offset;
        }

        @Override
        public String getMessage() {
            return "at byte " + offset;
        }
    }
}
