package io.github.nameorigin.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code nameorigin.*} paths as file-system paths, relative to the working directory.
 * Spring's default conversion goes through a {@code Resource} and refuses a path that starts
 * with {@code ..} ("normalized to null"), so {@code --nameorigin.data-dir=../shared/data/names}
 * would stop the application at startup.
 */
@Component
@ConfigurationPropertiesBinding
class PathPropertyConverter implements Converter<String, Path> {

    @Override
    public Path convert(String source) {
        return Path.of(source.strip());
    }
}
