package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.List;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.evaluation.Evaluator;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelVersion.GateResult;
import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Compares a newly trained model with the active one on the same names (the new one's validation
 * names), with the same scoring code: top-1 and the expected calibration error. It passes when
 * neither is worse than the active model's by more than the configured tolerances.
 *
 * <p>The active model may have trained on some of these names (another seed splits otherwise),
 * which flatters it: the gate then errs towards keeping it.
 */
final class PromotionGate {

    private final NameOriginProperties.Lifecycle config;

    PromotionGate(NameOriginProperties.Lifecycle config) {
        this.config = config;
    }

    /**
     * Scores both models.
     *
     * @param candidate the new model
     * @param registry  where the active model is
     * @param names     the validation names
     * @param origins   the dataset's origins, which the gold labels index
     * @return the verdict, or null when no model is active
     */
    GateResult compare(OriginClassifier candidate, ModelRegistry registry, List<NamesDataset.LabelledName> names,
            List<String> origins) {
        if (registry.version().isEmpty() && registry.metadata().isEmpty()) {
            return null;
        }
        return registry.withVersionedClassifier((active, activeVersion) -> {
            List<String> usable = new ArrayList<>();
            List<int[]> gold = new ArrayList<>();
            for (NamesDataset.LabelledName name : names) {
                if (candidate.isUsable(name.name()) && active.isUsable(name.name())) {
                    usable.add(name.name());
                    gold.add(name.labels());
                }
            }
            if (usable.isEmpty()) {
                return new GateResult(0, 0, 0, 0, 0, activeVersion, false);
            }
            EvaluationReport mine = Evaluator.evaluate(origins, inOrder(candidate, origins, usable), gold, null, null);
            EvaluationReport theirs = Evaluator.evaluate(origins, inOrder(active, origins, usable), gold, null, null);
            boolean passed = mine.top1() >= theirs.top1() - config.top1Tolerance()
                    && mine.ece() <= theirs.ece() + config.eceTolerance();
            return new GateResult(usable.size(), mine.top1(), theirs.top1(), mine.ece(), theirs.ece(), activeVersion,
                    passed);
        });
    }

    /**
     * Why a verdict is a rejection, in words.
     *
     * @param result the verdict
     * @return the reason
     */
    String reason(GateResult result) {
        return "Worse than the active version %s on %d validation names: top-1 %.4f against %.4f (tolerance %.4f), ECE %.4f against %.4f (tolerance %.4f)"
                .formatted(result.activeVersion(), result.names(), result.candidateTop1(), result.activeTop1(),
                        config.top1Tolerance(), result.candidateEce(), result.activeEce(), config.eceTolerance());
    }

    /** A model's probabilities in the dataset's origin order (0 for an origin it does not know). */
    private static float[][] inOrder(OriginClassifier model, List<String> origins, List<String> names) {
        float[][] own = model.predict(names);
        List<String> modelOrigins = model.origins();
        int[] index = origins.stream().mapToInt(modelOrigins::indexOf).toArray();
        float[][] out = new float[own.length][origins.size()];
        for (int i = 0; i < own.length; i++) {
            for (int c = 0; c < index.length; c++) {
                out[i][c] = index[c] < 0 ? 0f : own[i][index[c]];
            }
        }
        return out;
    }
}
