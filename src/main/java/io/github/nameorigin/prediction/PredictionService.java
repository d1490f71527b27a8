package io.github.nameorigin.prediction;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.NameNormalizer;
import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.model.OriginPrior;
import io.github.nameorigin.model.ScriptEvidence;
import io.github.nameorigin.model.ScriptReader;
import io.github.nameorigin.model.TopLabelCalibration;
import io.github.nameorigin.prediction.PredictionResponse.BatchPrediction;
import io.github.nameorigin.prediction.PredictionResponse.NamePrediction;
import io.github.nameorigin.prediction.PredictionResponse.OriginProbability;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Answers prediction requests: validates in the order structure (400), model present (503),
 * names usable by the model (400), then reads each name in Latin letters ({@link ScriptReader}),
 * scores the names through the {@link DynamicBatcher}, applies what the script says
 * ({@link ScriptEvidence}) and the requested origin mix ({@link OriginPrior}), adds the "none of
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
    private record Plan(int top, OriginPrior prior, double[] trainingPrior, TopLabelCalibration priorMap,
            List<String> normalized) {
    }

    /** A request whose names are read in Latin letters, as the model scores them. */
    private record Reading(PredictionRequestValidator.ValidRequest valid, List<ScriptReader.Reading> scripts,
            PredictionRequestValidator.ValidRequest latin) {
    }

    private Reading read(PredictionRequest request) {
        PredictionRequestValidator.ValidRequest valid = validator.checkStructure(request);
        List<ScriptReader.Reading> scripts = valid.names().stream().map(reader::read).toList();
        List<String> latin = scripts.stream().map(ScriptReader.Reading::latin).toList();
        return new Reading(valid, scripts, new PredictionRequestValidator.ValidRequest(latin, valid.ids(),
                valid.single(), valid.top(), valid.coverage()));
    }

    private Plan plan(PredictionRequest request, Reading reading) {
        return registry.withClassifier(classifier -> new Plan(
                validator.checkAgainstModel(reading.latin(), classifier),
                PriorOption.resolve(request.prior(), answers.prior(), classifier.origins(), classifier.datasetPrior()),
                classifier.trainingPrior(), priorMap(classifier, PriorOption.name(request.prior(), answers.prior())),
                reading.latin().names().stream().map(classifier::read).toList()));
    }

    /** The model's "none of these" scores and which names have a letter new to it. */
    private record Unknown(double[] scores, List<Boolean> unseenLetter) {
    }

    private static TopLabelCalibration priorMap(OriginClassifier classifier, String prior) {
        return prior == null || prior.equals(OriginPrior.TRAINING_NAME) ? null : classifier.priorCalibration(prior);
    }

    PredictionResponse predict(PredictionRequest request) {
        long start = System.nanoTime();
        Reading reading = read(request);
        PredictionRequestValidator.ValidRequest valid = reading.valid();
        Plan plan = plan(request, reading);
        List<String> latin = reading.latin().names();
        Scores scores = batcher.predict(latin);
        if (valid.coverage() != null && scores.sets() == null) {
            // the model was replaced by one without sets after the check: say so rather than omit them
            throw new PredictionUnavailableException("The model was replaced while this request ran; retry.",
                    Duration.ofSeconds(1));
        }
        // on the probabilities under the training mix, so that it does not depend on the prior asked for
        // each name spelled once (accents kept, unlike the model's reading) for both checks
        List<String> spellings = latin.stream().map(NameNormalizer::spelling).toList();
        Unknown unknown = registry.withClassifier(classifier -> new Unknown(
                classifier.unknownScores(spellings, scores.probabilities()),
                spellings.stream().map(classifier::hasUnseenLetter).toList()));
        List<NamePrediction> results = new ArrayList<>(valid.names().size());
        for (int i = 0; i < valid.names().size(); i++) {
            ScriptReader.Reading script = reading.scripts().get(i);
            float[] p = scores.probabilities()[i].clone();
            evidence.apply(script, scores.origins(), p);
            plan.prior().apply(p, plan.trainingPrior());
            if (plan.priorMap() != null) {
                p = plan.priorMap().apply(p);
            }
            // the sets are fitted on the answers under the default mix, and drawn from the answer
            List<String> set = valid.coverage() == null ? null
                    : Arrays.stream(scores.sets().set(p, valid.coverage())).mapToObj(scores.origins()::get).toList();
            Double score = unknown.scores() == null ? null
                    : unknownScore(script, unknown.scores()[i], p, unknown.unseenLetter().get(i));
            NamePrediction ranked = topOrigins(valid.names().get(i), scores.origins(), p, plan.top());
            NamePrediction prediction = new NamePrediction(valid.ids().get(i), ranked.name(), ranked.predictions(),
                    set, script.script(), plan.normalized().get(i),
                    score == null ? null : score > answers.unknownThreshold(),
                    score == null ? null : round(score.floatValue()), null);
            metrics.recordTopOrigin(prediction.predictions().get(0).origin());
            results.add(prediction);
        }
        metrics.recordRequest(valid.single(), start, results.size());
        log.debug("Predicted {} names: {}", results.size(), valid.names());
        if (valid.single()) {
            return results.get(0).withModel(scores.model());
        }
        return new BatchPrediction(List.copyOf(results), scores.model());
    }

    /**
     * The model's score for a Latin or Cyrillic name; 1 for a script none of the origins writes;
     * for Hangul, kana, Han, Greek and Arabic script, 1 - the answer's top probability
     * ({@link ScriptEvidence#identifiesOrigin}). A letter that none of the origins writes (new to
     * the model in a Latin name, outside the Russian or Arabic alphabet in a Cyrillic or Arabic
     * one) raises it ({@link ScriptEvidence#withForeignLetter}).
     */
    private double unknownScore(ScriptReader.Reading reading, double modelScore, float[] answer,
            boolean unseenLetter) {
        if (evidence.isForeign(reading)) {
            return 1;
        }
        double score = modelScore;
        if (evidence.identifiesOrigin(reading)) {
            float top = 0;
            for (float v : answer) {
                top = Math.max(top, v);
            }
            score = 1 - top;
        }
        boolean foreign = evidence.hasForeignLetter(reading)
                || unseenLetter && evidence.readsAsLatin(reading);
        return foreign ? ScriptEvidence.withForeignLetter(score) : score;
    }

    /**
     * A strong entity tag for the answer to a request: the same while the live model and the
     * normalised request (trimmed names in order, the resolved {@code top}, the coverage, the
     * prior, the shape) are the same, and different as soon as either changes. Validates the
     * request first, so that an invalid one gets its 400 rather than a tag.
     */
    String entityTag(PredictionRequest request) {
        Reading reading = read(request);
        PredictionRequestValidator.ValidRequest valid = reading.valid();
        int top = plan(request, reading).top();
        StringBuilder key = new StringBuilder("v2");
        registry.metadata().ifPresent(m -> key.append('|').append(m.createdAt()).append('|')
                .append(m.datasetFingerprint()).append('|').append(m.trainingSeed()));
        key.append('|').append(valid.single() ? "name" : "names").append("|top=").append(top)
                .append("|coverage=").append(valid.coverage())
                .append("|prior=").append(request.prior() == null ? answers.prior() : request.prior().toString())
                .append("|threshold=").append(answers.unknownThreshold());
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
        return new NamePrediction(null, name, best, null, null, null, null, null, null);
    }

    /** Four decimals, trailing zeros dropped: 0.60000 is written 0.6, 0.00091 is written 0.0009. */
    static BigDecimal round(float probability) {
        return BigDecimal.valueOf(Math.round(probability * 10_000d), 4).stripTrailingZeros();
    }
}
