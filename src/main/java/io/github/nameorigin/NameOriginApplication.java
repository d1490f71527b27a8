package io.github.nameorigin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the name-origin service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NameOriginApplication {

    /**
     * Starts the service.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        // DJL must never try to download an engine: the natives come from the classpath.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        // One intra-op thread per PyTorch call: requests (and batch workers) run in parallel, and
        // two intra-op threads per call would contend with the other request threads for the cores.
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        SpringApplication.run(NameOriginApplication.class, args);
    }
}
