package io.github.nameorigin.prediction;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.prediction.PredictionResponse.BatchPrediction;
import io.github.nameorigin.prediction.PredictionResponse.NamePrediction;
import io.github.nameorigin.prediction.PredictionResponse.OriginProbability;

/**
 * Answers prediction requests: validates in the order structure (400), model present (503),
 * names usable by the model (400), then scores the names through the {@link DynamicBatcher} and
 * keeps the top origins of each.
 */
@Service
class PredictionService {

    private static final Logger log = LoggerFactory.getLogger(PredictionService.class);

    private final ModelRegistry registry;
    private final PredictionRequestValidator validator;
    private final DynamicBatcher batcher;
    private final PredictionMetrics metrics;

    PredictionService(ModelRegistry registry, PredictionRequestValidator validator, DynamicBatcher batcher,
            PredictionMetrics metrics) {
        this.registry = registry;
        this.validator = validator;
        this.batcher = batcher;
        this.metrics = metrics;
    }

    PredictionResponse predict(PredictionRequest request) {
        long start = System.nanoTime();
        PredictionRequestValidator.ValidRequest valid = validator.checkStructure(request);
        int top = registry.withClassifier(classifier -> validator.checkAgainstModel(valid, classifier));
        Scores scores = batcher.predict(valid.names());
        if (valid.coverage() != null && scores.sets() == null) {
            // the model was replaced by one without sets after the check: say so rather than omit them
            throw new PredictionUnavailableException("The model was replaced while this request ran; retry.",
                    java.time.Duration.ofSeconds(1));
        }
        List<NamePrediction> results = new ArrayList<>(valid.names().size());
        for (int i = 0; i < valid.names().size(); i++) {
            float[] probabilities = scores.probabilities()[i];
            NamePrediction ranked = topOrigins(valid.names().get(i), scores.origins(), probabilities, top);
            List<String> set = valid.coverage() == null ? null
                    : Arrays.stream(scores.sets().set(probabilities, valid.coverage()))
                            .mapToObj(scores.origins()::get).toList();
            NamePrediction prediction = new NamePrediction(valid.ids().get(i), ranked.name(), ranked.predictions(), set,
                    null);
            metrics.recordTopOrigin(prediction.predictions().get(0).origin());
            results.add(prediction);
        }
        metrics.recordRequest(valid.single(), start, results.size());
        log.debug("Predicted {} names: {}", results.size(), valid.names());
        if (valid.single()) {
            NamePrediction only = results.get(0);
            return new NamePrediction(only.id(), only.name(), only.predictions(), only.set(), scores.model());
        }
        return new BatchPrediction(List.copyOf(results), scores.model());
    }

    /**
     * A strong entity tag for the answer to a request: the same while the live model and the
     * normalised request (trimmed names in order, the resolved {@code top}, the coverage, the
     * shape) are the same, and different as soon as either changes. Validates the request
     * first, so that an invalid one gets its 400 rather than a tag.
     */
    String entityTag(PredictionRequest request) {
        PredictionRequestValidator.ValidRequest valid = validator.checkStructure(request);
        int top = registry.withClassifier(classifier -> validator.checkAgainstModel(valid, classifier));
        StringBuilder key = new StringBuilder("v1");
        registry.metadata().ifPresent(m -> key.append('|').append(m.createdAt()).append('|')
                .append(m.datasetFingerprint()).append('|').append(m.trainingSeed()));
        key.append('|').append(valid.single() ? "name" : "names").append("|top=").append(top)
                .append("|coverage=").append(valid.coverage());
        for (int i = 0; i < valid.names().size(); i++) {
            key.append('\u0000').append(valid.names().get(i)).append('\u0001').append(valid.ids().get(i));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The {@code top} most likely origins; ties keep the model's origin order. */
    static NamePrediction topOrigins(String name, List<String> origins, float[] probabilities, int top) {
        List<OriginProbability> best = IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(top)
                .map(i -> new OriginProbability(origins.get(i), round(probabilities[i])))
                .toList();
        return new NamePrediction(null, name, best, null, null);
    }

    /** Four decimals, trailing zeros dropped: 0.60000 is written 0.6, 0.00091 is written 0.0009. */
    static BigDecimal round(float probability) {
        return BigDecimal.valueOf(Math.round(probability * 10_000d), 4).stripTrailingZeros();
    }
}
