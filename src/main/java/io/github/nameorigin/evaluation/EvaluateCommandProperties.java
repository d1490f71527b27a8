package io.github.nameorigin.evaluation;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the evaluate command, bound from {@code nameorigin.*} next to the service's own
 * tree (unknown keys are ignored by both).
 *
 * @param evaluate       directory of {@code <Language>.txt} files to score the model on; when set,
 *                       the application scores the model, prints the report and exits
 * @param evaluateOutput file to write the report to as JSON, optional
 */
@ConfigurationProperties("nameorigin")
record EvaluateCommandProperties(Path evaluate, Path evaluateOutput) {
}
