package io.github.nameorigin.prediction;

import java.math.BigDecimal;
import java.util.ArrayList;
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
        List<NamePrediction> results = new ArrayList<>(valid.names().size());
        for (int i = 0; i < valid.names().size(); i++) {
            NamePrediction prediction = topOrigins(valid.names().get(i), scores.origins(), scores.probabilities()[i], top);
            metrics.recordTopOrigin(prediction.predictions().get(0).origin());
            results.add(prediction);
        }
        metrics.recordRequest(valid.single(), start, results.size());
        log.debug("Predicted {} names: {}", results.size(), valid.names());
        if (valid.single()) {
            NamePrediction only = results.get(0);
            return new NamePrediction(only.name(), only.predictions(), scores.model());
        }
        return new BatchPrediction(List.copyOf(results), scores.model());
    }

    /** The {@code top} most likely origins; ties keep the model's origin order. */
    static NamePrediction topOrigins(String name, List<String> origins, float[] probabilities, int top) {
        List<OriginProbability> best = IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(top)
                .map(i -> new OriginProbability(origins.get(i), round(probabilities[i])))
                .toList();
        return new NamePrediction(name, best);
    }

    /** Four decimals, trailing zeros dropped: 0.60000 is written 0.6, 0.00091 is written 0.0009. */
    static BigDecimal round(float probability) {
        return BigDecimal.valueOf(Math.round(probability * 10_000d), 4).stripTrailingZeros();
    }
}
