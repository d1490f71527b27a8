package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.List;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.evaluation.Evaluator;
import io.github.nameorigin.model.EvaluationReport;
import java.util.Optional;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ValidationMetrics;
import io.github.nameorigin.model.ModelVersion.GateResult;
import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Compares a newly trained model with the active one: top-1 and the expected calibration error,
 * each on names the model did not train on. It passes when neither is worse than the active
 * model's by more than the configured tolerances.
 *
 * <p>Which names: when the active model was trained on the same dataset, the candidate's
 * validation names are not unseen by it (a refit trains on them, another seed splits otherwise:
 * scored on them, the bundled refit model reaches a top-1 of 0.999), so each model's stored
 * held-out figures are compared, top-1 and out-of-fold ECE; with the same seed and no refit these
 * are the same names. A model trained on another dataset is scored on the candidate's validation
 * names with the same code (the candidate's ECE there is measured on the names its calibration was
 * fitted on, which flatters it).
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
    GateResult compare(LoadedModel candidate, ModelRegistry registry, List<NamesDataset.LabelledName> names,
            List<String> origins) {
        if (registry.version().isEmpty() && registry.metadata().isEmpty()) {
            return null;
        }
        Optional<ModelRegistry.Description> active = registry.description();
        CheckpointMetadata mine = candidate.metadata();
        CheckpointMetadata theirs = active.map(ModelRegistry.Description::metadata).orElse(null);
        if (theirs != null && theirs.validation() != null && mine.validation() != null
                && java.util.Objects.equals(theirs.datasetFingerprint(), mine.datasetFingerprint())) {
            boolean sameNames = theirs.refit() == null && theirs.trainingSeed() == mine.trainingSeed();
            ValidationMetrics a = mine.validation();
            ValidationMetrics b = theirs.validation();
            return new GateResult(a.names(), a.top1(), b.top1(), a.ece(), b.ece(), registry.version().orElse(null),
                    passes(a.top1(), b.top1(), a.ece(), b.ece()), sameNames ? "the same validation names"
                            : "each model's own held-out validation names (the active one trained on the candidate's)");
        }
        return registry.withVersionedClassifier((activeModel, activeVersion) -> scored(candidate, activeModel,
                activeVersion, names, origins));
    }

    private boolean passes(double candidateTop1, double activeTop1, double candidateEce, double activeEce) {
        return candidateTop1 >= activeTop1 - config.top1Tolerance() && candidateEce <= activeEce + config.eceTolerance();
    }

    private GateResult scored(OriginClassifier candidate, OriginClassifier active, String activeVersion,
            List<NamesDataset.LabelledName> names, List<String> origins) {
        {
            List<String> usable = new ArrayList<>();
            List<int[]> gold = new ArrayList<>();
            for (NamesDataset.LabelledName name : names) {
                if (candidate.isUsable(name.name()) && active.isUsable(name.name())) {
                    usable.add(name.name());
                    gold.add(name.labels());
                }
            }
            String basis = "the candidate's validation names";
            if (usable.isEmpty()) {
                return new GateResult(0, 0, 0, 0, 0, activeVersion, false, basis);
            }
            EvaluationReport mine = Evaluator.evaluate(origins, inOrder(candidate, origins, usable), gold, null, null);
            EvaluationReport theirs = Evaluator.evaluate(origins, inOrder(active, origins, usable), gold, null, null);
            return new GateResult(usable.size(), mine.top1(), theirs.top1(), mine.ece(), theirs.ece(), activeVersion,
                    passes(mine.top1(), theirs.top1(), mine.ece(), theirs.ece()), basis);
        }
    }

    /**
     * Why a verdict is a rejection, in words.
     *
     * @param result the verdict
     * @return the reason
     */
    String reason(GateResult result) {
        return "Worse than the active version %s on %s: top-1 %.4f against %.4f (tolerance %.4f), ECE %.4f against %.4f (tolerance %.4f)"
                .formatted(result.activeVersion(), result.basis(), result.candidateTop1(), result.activeTop1(),
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
