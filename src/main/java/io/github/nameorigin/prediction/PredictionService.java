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
import io.github.nameorigin.model.OriginPrior;
import io.github.nameorigin.model.ScriptEvidence;
import io.github.nameorigin.model.ScriptReader;
import io.github.nameorigin.prediction.PredictionResponse.BatchPrediction;
import io.github.nameorigin.prediction.PredictionResponse.NamePrediction;
import io.github.nameorigin.prediction.PredictionResponse.OriginProbability;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Answers prediction requests: validates in the order structure (400), model present (503),
 * names usable by the model (400), then reads each name in Latin letters ({@link ScriptReader}),
 * scores the names through the {@link DynamicBatcher}, applies the requested origin mix
 * ({@link OriginPrior}) and what the script says ({@link ScriptEvidence}), adds the "none of
 * these" score, and keeps the top origins of each.
 */
@Service
class PredictionService {

    private static final Logger log = LoggerFactory.getLogger(PredictionService.class);

    private final ModelRegistry registry;
    private final PredictionRequestValidator validator;
    private final DynamicBatcher batcher;
    private final PredictionMetrics metrics;
    private final NameOriginProperties.Prediction answers;
    private final ScriptReader reader = new ScriptReader();
    private final ScriptEvidence evidence = new ScriptEvidence();

    PredictionService(ModelRegistry registry, PredictionRequestValidator validator, DynamicBatcher batcher,
            PredictionMetrics metrics, NameOriginProperties properties) {
        this.registry = registry;
        this.validator = validator;
        this.batcher = batcher;
        this.metrics = metrics;
        this.answers = properties.prediction();
    }

    /** What the live model says about the request before scoring: top, prior and how it reads names. */
    private record Plan(int top, OriginPrior prior, double[] trainingPrior, List<String> normalized) {
    }

    PredictionResponse predict(PredictionRequest request) {
        long start = System.nanoTime();
        PredictionRequestValidator.ValidRequest valid = validator.checkStructure(request);
        List<ScriptReader.Reading> readings = valid.names().stream().map(reader::read).toList();
        List<String> latin = readings.stream().map(ScriptReader.Reading::latin).toList();
        PredictionRequestValidator.ValidRequest read = new PredictionRequestValidator.ValidRequest(latin,
                valid.single(), valid.top());
        Plan plan = registry.withClassifier(classifier -> new Plan(validator.checkAgainstModel(read, classifier),
                PriorOption.resolve(request.prior(), answers.prior(), classifier.origins(), classifier.trainingPrior()),
                classifier.trainingPrior(), latin.stream().map(classifier::read).toList()));
        Scores scores = batcher.predict(latin);
        // computed on the probabilities under the training mix, so that it does not depend on the prior asked for
        double[] unknown = registry.withClassifier(classifier -> classifier.unknownScores(latin, scores.probabilities()));
        List<NamePrediction> results = new ArrayList<>(valid.names().size());
        for (int i = 0; i < valid.names().size(); i++) {
            ScriptReader.Reading reading = readings.get(i);
            float[] p = scores.probabilities()[i].clone();
            plan.prior().apply(p, plan.trainingPrior());
            evidence.apply(reading, scores.origins(), p);
            Double score = unknown == null ? null : unknownScore(reading, unknown[i], p);
            NamePrediction top = topOrigins(valid.names().get(i), scores.origins(), p, plan.top());
            NamePrediction prediction = new NamePrediction(top.name(), top.predictions(), reading.script(),
                    plan.normalized().get(i), score == null ? null : score > answers.unknownThreshold(),
                    score == null ? null : round(score.floatValue()));
            metrics.recordTopOrigin(prediction.predictions().get(0).origin());
            results.add(prediction);
        }
        metrics.recordRequest(valid.single(), start, results.size());
        log.debug("Predicted {} names: {}", results.size(), valid.names());
        return valid.single() ? results.get(0) : new BatchPrediction(List.copyOf(results));
    }

    /**
     * The model's score for a Latin or Cyrillic name; 1 for a script none of the origins writes;
     * for Hangul, kana, Han, Greek and Arabic script, 1 - the answer's top probability
     * ({@link ScriptEvidence#identifiesOrigin}).
     */
    private double unknownScore(ScriptReader.Reading reading, double modelScore, float[] answer) {
        if (evidence.isForeign(reading)) {
            return 1;
        }
        if (evidence.identifiesOrigin(reading)) {
            float top = 0;
            for (float v : answer) {
                top = Math.max(top, v);
            }
            return 1 - top;
        }
        return modelScore;
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
