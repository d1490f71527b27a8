package io.github.nameorigin.system;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes {@link ProblemDetailsErrorReportValve} the only error report valve on Tomcat's host.
 * Spring Boot puts a plain {@link ErrorReportValve} there (no stack trace, no server version, but
 * HTML), and Tomcat adds one of its own when the host starts unless the host already has a valve
 * of its configured class; whichever sits nearer the end of the pipeline would answer first. So
 * this customizer runs after Boot's, removes every error report valve, adds ours and names its
 * class as the host's error report valve class.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsErrorReportCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final JsonMapper json;

    ProblemDetailsErrorReportCustomizer(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Context customizers run once the host exists, after the ones Boot added earlier.
        factory.addContextCustomizers(context -> replaceErrorReportValves(context.getParent()));
    }

    private void replaceErrorReportValves(Container host) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemDetailsErrorReportValve(json));
        if (host instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
        }
    }
}
