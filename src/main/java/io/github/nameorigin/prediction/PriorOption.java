package io.github.nameorigin.prediction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.github.nameorigin.model.OriginPrior;

/**
 * Reads a request's {@code prior}: {@code "training"}, {@code "softened"}, {@code "uniform"}, or an object of origin
 * to weight. Anything else is a 400 naming the field.
 */
final class PriorOption {

    private PriorOption() {
    }

    /**
     * The prior a request asks for, or the configured one when it asks for none.
     *
     * @param option     the request's {@code prior}, or null
     * @param configured the configured default ({@code training}, {@code softened} or {@code uniform})
     * @param origins    the live model's origins
     * @param datasetPrior the live model's dataset mix (what {@code softened} softens), or null
     * @return the prior
     * @throws InvalidPredictionRequestException when the option is malformed
     */
    static OriginPrior resolve(JsonNode option, String configured, List<String> origins, double[] datasetPrior) {
        if (option == null || option.isNull()) {
            return named(configured, origins, datasetPrior);
        }
        if (option.isString()) {
            return named(option.asString(), origins, datasetPrior);
        }
        if (!option.isObject()) {
            throw invalid("'prior' must be \"training\", \"softened\", \"uniform\" or an object of origin to weight, "
                    + "such as {\"Czech\": 2, \"German\": 1}.");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : option.properties()) {
            if (!entry.getValue().isNumber()) {
                throw invalid("the weight of '" + entry.getKey() + "' in 'prior' must be a number.");
            }
            weights.put(entry.getKey(), entry.getValue().asDouble());
        }
        try {
            return OriginPrior.of(origins, weights);
        } catch (IllegalArgumentException e) {
            throw invalid("'prior': " + e.getMessage() + ".");
        }
    }

    /**
     * The name of the mix a request asks for, or of the configured one when it asks for none.
     *
     * @param option     the request's {@code prior}, or null
     * @param configured the configured default
     * @return the name, or null for a mix given as weights
     */
    static String name(JsonNode option, String configured) {
        if (option == null || option.isNull()) {
            return configured;
        }
        return option.isString() ? option.asString() : null;
    }

    private static OriginPrior named(String name, List<String> origins, double[] datasetPrior) {
        return switch (name) {
            case OriginPrior.TRAINING_NAME -> OriginPrior.TRAINING;
            case OriginPrior.UNIFORM_NAME -> OriginPrior.uniform(origins.size());
            case OriginPrior.SOFTENED_NAME -> OriginPrior.softened(datasetPrior, origins.size());
            default -> throw invalid("'prior' must be \"training\", \"softened\", \"uniform\" or an object of origin to weight.");
        };
    }

    private static InvalidPredictionRequestException invalid(String detail) {
        return new InvalidPredictionRequestException("prior", detail);
    }
}
