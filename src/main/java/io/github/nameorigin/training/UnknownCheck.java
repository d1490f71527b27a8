package io.github.nameorigin.training;

import java.util.List;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.CharacterLanguageModel;
import io.github.nameorigin.model.UnknownDetector;

/**
 * Standardises the "none of these" detector on a model's validation names: the character language
 * model's surprisal is measured against their median and interquartile range, so the detector's
 * weights mean the same whatever the training names were.
 */
final class UnknownCheck {

    private UnknownCheck() {
    }

    /**
     * The detector for a language model, standardised on validation names it did not read.
     *
     * @param languageModel the character language model of the training names
     * @param validation    the validation names
     * @return the detector
     */
    static UnknownDetector detector(CharacterLanguageModel languageModel, List<NamesDataset.LabelledName> validation) {
        double[] surprisal = validation.stream().mapToDouble(n -> languageModel.surprisal(n.spelling()))
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (surprisal.length == 0) {
            return new UnknownDetector(0, 1);
        }
        double median = quantile(surprisal, 0.5);
        double spread = quantile(surprisal, 0.75) - quantile(surprisal, 0.25);
        return new UnknownDetector(median, spread > 0 ? spread : 1);
    }

    /** The q-quantile of sorted values, by linear interpolation. */
    static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
