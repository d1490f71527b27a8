package io.github.nameorigin.system;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service does against hostile or broken clients beyond answering them: request bodies
 * bounded in size and time ({@link RequestBodyGuard}), Tomcat set to hold back
 * {@code 100 Continue} until a body is wanted and to let Spring answer {@code TRACE}, and JSON
 * objects with a repeated key refused instead of silently keeping the last value.
 */
@Configuration(proxyBeanMethods = false)
// the one-shot commands run without a web server (spring.main.web-application-type=none)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HttpHardeningConfiguration {

    /**
     * Runs right after the character-encoding and observation filters, before anything that could
     * read the body; registered for the async dispatch that carries the body it read.
     */
    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(NameOriginProperties properties, JsonMapper json) {
        FilterRegistrationBean<RequestBodyGuard> registration =
                new FilterRegistrationBean<>(new RequestBodyGuard(properties.request(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * {@code continueResponseTiming=onRead}: a client that sends {@code Expect: 100-continue} with
     * a body over the limit gets the 413 without sending the body. {@code allowTrace}: Tomcat
     * otherwise answers {@code TRACE} itself with an {@code Allow} header of every method the
     * servlet has; with it on, {@link #dispatcherServlet} lets Spring MVC answer with the methods
     * the path really has.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatHardening() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setAllowTrace(true);
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setContinueResponseTiming("onRead");
            }
        });
    }

    /**
     * Spring Boot's dispatcher servlet, except that {@code TRACE} goes through the handler mappings
     * like any other method (a 405 listing the path's methods, or a 404) and is never echoed:
     * {@code FrameworkServlet} echoes the request after handling it unless the handler answered
     * {@code message/http}.
     */
    @Bean(name = DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
    DispatcherServlet dispatcherServlet(WebMvcProperties mvc) {
        DispatcherServlet servlet = new DispatcherServlet() {

            private static final long serialVersionUID = 1L;

            @Override
            protected void doTrace(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                processRequest(request, response);
            }
        };
        servlet.setDispatchOptionsRequest(mvc.isDispatchOptionsRequest());
        servlet.setPublishEvents(mvc.isPublishRequestHandledEvents());
        servlet.setEnableLoggingRequestDetails(mvc.isLogRequestDetails());
        return servlet;
    }

    /** {@code {"name":"Smith","name":"Nakamura"}} is an error, not a request for Nakamura. */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
