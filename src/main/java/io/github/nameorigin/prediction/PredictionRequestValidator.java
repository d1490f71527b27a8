package io.github.nameorigin.prediction;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Checks a prediction request in two steps: its structure, which needs no model, and then what
 * only the live model can tell (how many origins there are, which characters it knows).
 */
@Component
class PredictionRequestValidator {

    private final NameOriginProperties.Request limits;

    PredictionRequestValidator(NameOriginProperties properties) {
        this.limits = properties.request();
    }

    /**
     * A request whose structure is valid.
     *
     * @param names    trimmed names, in request order
     * @param ids      the entries' ids, in request order (null where none was sent)
     * @param single   whether the client sent {@code name} rather than {@code names}
     * @param top      the requested number of origins, or null for the default
     * @param coverage the requested coverage of prediction sets, or null for none
     */
    record ValidRequest(List<String> names, List<String> ids, boolean single, Integer top, Double coverage) {
    }

    ValidRequest checkStructure(PredictionRequest request) {
        if (request.name() != null && request.names() != null) {
            throw new InvalidPredictionRequestException("name",
                    "Send either 'name' (one surname) or 'names' (a list of surnames), not both.");
        }
        if (request.name() == null && request.names() == null) {
            throw new InvalidPredictionRequestException("name",
                    "Send 'name' (one surname) or 'names' (a list of surnames), for example {\"name\": \"Nakamura\"}.");
        }
        if (request.top() != null && request.top() < 1) {
            throw new InvalidPredictionRequestException("top", "'top' must be at least 1.");
        }
        Double coverage = request.coverage();
        if (coverage != null && !(coverage > 0 && coverage < 1)) {
            throw new InvalidPredictionRequestException("coverage",
                    "'coverage' must be above 0 and below 1, such as 0.9 for sets that hold the true origin 90% of the time.");
        }
        if (request.name() != null) {
            List<String> noId = new ArrayList<>();
            noId.add(null);
            return new ValidRequest(List.of(checkName("name", request.name())), noId, true, request.top(), coverage);
        }
        List<NameItem> raw = request.names();
        if (raw.isEmpty()) {
            throw new InvalidPredictionRequestException("names", "'names' must contain at least one name.");
        }
        if (raw.size() > limits.maxBatchNames()) {
            throw new InvalidPredictionRequestException("names", "'names' has " + raw.size()
                    + " entries; at most " + limits.maxBatchNames() + " are accepted: split the list into several requests.");
        }
        List<String> names = new ArrayList<>(raw.size());
        List<String> ids = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String field = "names[" + i + "]";
            if (raw.get(i) == null) {
                throw new InvalidPredictionRequestException(field, "'" + field + "' is null; every entry must be a surname.");
            }
            String id = raw.get(i).id();
            if (id != null && id.length() > limits.maxNameLength()) {
                throw new InvalidPredictionRequestException(field + ".id", "'" + field + ".id' is " + id.length()
                        + " characters long; at most " + limits.maxNameLength() + " are accepted.");
            }
            names.add(checkName(id == null ? field : field + ".name", raw.get(i).name()));
            ids.add(id);
        }
        return new ValidRequest(List.copyOf(names), java.util.Collections.unmodifiableList(ids), false, request.top(),
                coverage);
    }

    private String checkName(String field, String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidPredictionRequestException(field, "'" + field + "' must not be empty or blank.");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < trimmed.length()
                    && Character.isLowSurrogate(trimmed.charAt(++i)) : !Character.isLowSurrogate(c);
            if (!paired) {
                throw new InvalidPredictionRequestException(field, "'" + field
                        + "' contains a lone surrogate escape (such as \\ud800), which is not a character; "
                        + "send valid Unicode.");
            }
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > limits.maxNameLength()) {
            throw new InvalidPredictionRequestException(field, "'" + field + "' is " + length
                    + " characters long; at most " + limits.maxNameLength() + " are accepted.");
        }
        return trimmed;
    }

    /**
     * Checks the request against the live model and resolves {@code top}.
     *
     * @return the number of origins to return per name
     */
    int checkAgainstModel(ValidRequest request, OriginClassifier classifier) {
        int origins = classifier.origins().size();
        int top = request.top() != null ? request.top() : Math.min(limits.defaultTop(), origins);
        if (top > origins) {
            throw new InvalidPredictionRequestException("top",
                    "'top' must be between 1 and " + origins + ", the number of origins the model knows.");
        }
        if (request.coverage() != null && classifier.predictionSets() == null) {
            throw new InvalidPredictionRequestException("coverage", "The live model was trained without prediction "
                    + "sets, so 'coverage' cannot be honoured; leave it out, or retrain the model.");
        }
        List<String> names = request.names();
        for (int i = 0; i < names.size(); i++) {
            if (!classifier.isUsable(names.get(i))) {
                String field = request.single() ? "name" : "names[" + i + "]";
                throw new InvalidPredictionRequestException(field, "'" + field
                        + "' has no character the model knows; send a surname spelled in letters (digits and symbols alone cannot be classified).");
            }
        }
        return top;
    }
}
