package io.github.nameorigin.prediction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.github.nameorigin.system.NameOriginProperties;

/**
 * The prediction beans behind the controller for web slice tests: everything real except the
 * model registry, which the tests mock. No PyTorch is loaded.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(NameOriginProperties.class)
@Import({PredictionService.class, PredictionRequestValidator.class, DynamicBatcher.class, PredictionMetrics.class})
class PredictionWebTestConfiguration {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
