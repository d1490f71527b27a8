package io.github.nameorigin.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every answer. {@code X-Content-Type-Options: nosniff}: a browser never reads an
 * answer as anything but its declared type. {@code Cache-Control: no-store}: every answer depends
 * on the model being served or on the service's state (errors, training status, health, metrics),
 * and the model can be replaced at any time; predictions are POST answers, which shared caches do
 * not keep anyway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResponseHeadersFilter extends OncePerRequestFilter {

    static final String NO_STORE = "no-store";

    /**
     * Also on the error dispatch: requests Tomcat refuses before any filter runs (such as a path
     * under {@code /WEB-INF}) reach the application only there.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        set(response);
        chain.doFilter(request, response);
    }

    /** Also used by the error report valve, for requests Tomcat rejects before any filter runs. */
    static void set(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }
}
