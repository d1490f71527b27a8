package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.List;

import ai.djl.Model;
import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.Vocabulary;

/**
 * The validation names, encoded once, with their gold labels.
 *
 * @param spellings what the network reads of each name ({@link Vocabulary#decode}), for the
 *                  linear member
 * @param encoded   character indices per name
 * @param gold      the origins each name is listed under
 */
record Validation(List<String> spellings, List<int[]> encoded, List<int[]> gold) {

    private static final int CHUNK = 512;

    static Validation of(List<NamesDataset.LabelledName> names, Vocabulary vocabulary) {
        List<String> spellings = new ArrayList<>();
        List<int[]> encoded = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        for (NamesDataset.LabelledName name : names) {
            int[] e = vocabulary.encode(name.spelling());
            if (e.length > 0) {
                spellings.add(vocabulary.decode(e));
                encoded.add(e);
                gold.add(name.labels());
            }
        }
        return new Validation(List.copyOf(spellings), List.copyOf(encoded), List.copyOf(gold));
    }

    /**
     * The model's log-probabilities of these names, flattened row by row, computed in chunks so
     * a forward pass never holds more than {@value #CHUNK} names.
     */
    float[] logProbabilities(Model model) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int from = 0; from < encoded.size(); from += CHUNK) {
            float[] part = LoadedModel.logProbabilities(model.getBlock(), model.getNDManager(),
                    encoded.subList(from, Math.min(encoded.size(), from + CHUNK)));
            parts.add(part);
            total += part.length;
        }
        float[] out = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
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
