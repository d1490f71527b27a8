package io.github.nameorigin.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Guards the management API ({@code /models/**}) with a key: Spring Security's
 * {@link AuthenticationFilter} reads the {@code X-API-Key} header, and an authentication manager
 * compares it with {@code nameorigin.management.api-key} in constant time (over SHA-256 digests,
 * so that not even the length leaks). Missing or wrong keys are answered 401 with problem details
 * by the system's exception handler. The key is never logged: the token that carries it prints
 * only {@code [PROTECTED]}.
 *
 * <p>Only {@code /models/**} has a filter chain: {@code /predict}, the status pages and actuator
 * get no authentication, no CSRF check, no session and no security headers. No session is ever
 * created. Without a key the chain lets requests through to no controller (the management
 * controller exists only with a key), so the endpoints answer 404.
 */
@Configuration(proxyBeanMethods = false)
// the one-shot commands run without a web server (spring.main.web-application-type=none)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class ManagementSecurity {

    /** The header that carries the key. */
    static final String HEADER = "X-API-Key";

    @Bean
    SecurityFilterChain managementChain(HttpSecurity http, NameOriginProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        http.securityMatcher("/models", "/models/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.cacheControl(cache -> { }));
        AuthenticationEntryPoint problem = (request, response, exception) ->
                resolver.resolveException(request, response, null, exception);
        if (!properties.management().enabled()) {
            return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll()).build();
        }
        AuthenticationFilter filter = new AuthenticationFilter(keyManager(properties.management().apiKey()),
                ManagementSecurity::readKey);
        filter.setSuccessHandler((request, response, authentication) -> { });
        filter.setFailureHandler(problem::commence);
        return http.addFilterBefore(filter, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problem))
                .build();
    }

    /**
     * Spring Security's firewall, which sees every request (not only the management chain's),
     * lets TRACE through so that it is answered like any other method a path does not have.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"));
        return firewall;
    }

    /** The key a request sent, or null when it sent none (the entry point then answers 401). */
    private static ApiKey readKey(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        return key == null ? null : new ApiKey(key);
    }

    private static AuthenticationManager keyManager(String configured) {
        byte[] expected = sha256(configured);
        return authentication -> {
            if (authentication instanceof ApiKey key
                    && MessageDigest.isEqual(expected, sha256((String) key.getCredentials()))) {
                return new Operator();
            }
            throw new BadCredentialsException("The " + HEADER + " header does not hold the management API key");
        };
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key as sent, not yet checked; prints without it. */
    private static final class ApiKey extends AbstractAuthenticationToken {

        private final String key;

        ApiKey(String key) {
            super(List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return "api-key";
        }
    }

    /** Whoever holds the key. */
    private static final class Operator extends AbstractAuthenticationToken {

        Operator() {
            super(AuthorityUtils.createAuthorityList("ROLE_OPERATOR"));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "operator";
        }
    }
}
