package io.github.nameorigin.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.nameorigin.model.ModelStore;

/**
 * The model store at {@code nameorigin.models-dir}.
 */
@Configuration(proxyBeanMethods = false)
class ModelStoreConfiguration {

    @Bean
    ModelStore modelStore(NameOriginProperties properties) {
        return new ModelStore(properties.modelsDir());
    }
}
