package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.List;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.evaluation.Evaluator;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.OriginPrior;
import io.github.nameorigin.model.ValidationMetrics;

/**
 * Scores a validated model on names of a source it did not train on, and its own validation names
 * under an even origin mix: the figures of {@link CheckpointMetadata.CrossSource}.
 */
final class CrossSourceCheck {

    private CrossSourceCheck() {
    }

    /**
     * Each origin's share of the training examples.
     *
     * @param examples the training examples
     * @param origins  how many origins
     * @return the shares, in output order
     */
    /**
     * Each origin's share of the names' listings (one per spelling and origin, as examples are
     * made).
     */
    static double[] namesPrior(List<NamesDataset.LabelledName> names, int origins) {
        double[] prior = new double[origins];
        int listings = 0;
        for (NamesDataset.LabelledName name : names) {
            for (NamesDataset.Listing listing : name.listings()) {
                prior[listing.label()]++;
                listings++;
            }
        }
        for (int i = 0; i < origins; i++) {
            prior[i] /= Math.max(1, listings);
        }
        return prior;
    }

    static double[] prior(List<Example> examples, int origins) {
        double[] prior = new double[origins];
        for (Example example : examples) {
            prior[example.label()]++;
        }
        for (int i = 0; i < origins; i++) {
            prior[i] /= examples.size();
        }
        return prior;
    }

    /**
     * The cross-source figures of a model whose metadata carries its training prior.
     *
     * @param model      the validated model
     * @param source     the held-out source's name
     * @param unseen     the held-out names it did not train on
     * @param validation the dataset's validation names
     * @return the figures
     */
    static CheckpointMetadata.CrossSource of(LoadedModel model, String source, List<NamesDataset.LabelledName> unseen,
            List<NamesDataset.LabelledName> validation) {
        OriginPrior uniform = OriginPrior.uniform(model.origins().size());
        return new CheckpointMetadata.CrossSource(source, score(model, unseen, OriginPrior.TRAINING),
                score(model, unseen, uniform), score(model, validation, uniform));
    }

    /** Top-1, top-3, macro-F1 and ECE of the names the model can read, under a prior. */
    static ValidationMetrics score(LoadedModel model, List<NamesDataset.LabelledName> names, OriginPrior prior) {
        List<String> read = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        for (NamesDataset.LabelledName name : names) {
            if (model.isUsable(name.name())) {
                read.add(name.name());
                gold.add(name.labels());
            }
        }
        if (read.isEmpty()) {
            return new ValidationMetrics(0, 0, 0, 0, 0, 0);
        }
        float[][] p = model.predict(read);
        for (float[] row : p) {
            prior.apply(row, model.metadata().trainingPrior());
        }
        EvaluationReport report = Evaluator.evaluate(model.origins(), p, gold, null, null);
        return new ValidationMetrics(report.names(), report.top1(), report.top3(), report.macroF1(), report.ece(),
                report.ece()); // calibrated by the validated map: no separate raw figure
    }
}
