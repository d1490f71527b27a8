package io.github.nameorigin.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Content negotiation that never fails on the {@code Accept} header itself: an unparseable one is
 * read as absent, and a charset in it is ignored.
 */
@Component
class AcceptHeaderNegotiation implements WebMvcConfigurer {

    private static final HeaderContentNegotiationStrategy ACCEPT_HEADER = new HeaderContentNegotiationStrategy();

    /**
     * An {@code Accept} header that cannot be parsed ({@code Accept: bogus}) is read as absent, as
     * if the client accepted anything. Spring would otherwise refuse it with a 406 that it then
     * cannot write a body for, since the body's type is negotiated against the same header.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(request -> {
            try {
                return ACCEPT_HEADER.resolveMediaTypes(request).stream().map(AcceptHeaderNegotiation::withoutCharset)
                        .toList();
            } catch (HttpMediaTypeNotAcceptableException unparseable) {
                return ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
            }
        }));
    }

    /**
     * A charset asked for in {@code Accept} ({@code application/json; charset=latin1}) is not
     * honoured: JSON is UTF-8, and the JSON writer cannot write other charsets (it failed with a 500).
     */
    private static MediaType withoutCharset(MediaType type) {
        if (type.getParameter("charset") == null) {
            return type;
        }
        Map<String, String> parameters = new LinkedHashMap<>(type.getParameters());
        parameters.remove("charset");
        return new MediaType(type.getType(), type.getSubtype(), parameters);
    }
}
