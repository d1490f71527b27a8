package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.List;

import io.github.nameorigin.model.Vocabulary;

/**
 * The validation names, encoded once, with their gold labels.
 *
 * @param encoded character indices per name
 * @param gold    the origins each name is listed under
 */
record Validation(List<int[]> encoded, List<int[]> gold) {

    static Validation of(List<NamesDataset.LabelledName> names, Vocabulary vocabulary) {
        List<int[]> encoded = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        for (NamesDataset.LabelledName name : names) {
            int[] e = vocabulary.encode(name.key());
            if (e.length > 0) {
                encoded.add(e);
                gold.add(name.labels());
            }
        }
        return new Validation(List.copyOf(encoded), List.copyOf(gold));
    }

    int size() {
        return encoded.size();
    }

    /**
     * Top-1 accuracy of flattened log-probabilities: a hit when the best origin is any gold one.
     */
    double top1(float[] logProbabilities, int classes) {
        if (encoded.isEmpty()) {
            return 0;
        }
        int hits = 0;
        for (int i = 0; i < encoded.size(); i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logProbabilities[i * classes + c] > logProbabilities[i * classes + best]) {
                    best = c;
                }
            }
            for (int g : gold.get(i)) {
                if (g == best) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / encoded.size();
    }
}
