package io.github.nameorigin;

import ai.djl.engine.Engine;

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
        // The PyTorch engine (loading its natives is most of a model load) starts loading now, beside
        // Spring's start, rather than once the model's bean exists: with the JVM's AOT cache the
        // model load, not Spring, is what the first answer waits for.
        Thread engine = new Thread(NameOriginApplication::loadEngine, "engine-preload");
        engine.setDaemon(true);
        engine.start();
        SpringApplication.run(NameOriginApplication.class, args);
    }

    private static void loadEngine() {
        try {
            Engine.getInstance();
        } catch (RuntimeException | LinkageError e) {
            // the model's bootstrap loads it again and reports the failure where it belongs
        }
    }
}
