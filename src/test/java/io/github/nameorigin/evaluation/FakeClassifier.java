package io.github.nameorigin.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.nameorigin.model.OriginClassifier;

/**
 * A classifier over Arabic, Chinese, Czech that guesses from the first letter (a, c-h, anything
 * else) and records its batch sizes; names starting with a digit are unusable.
 */
class FakeClassifier implements OriginClassifier {

    final List<Integer> batches = new ArrayList<>();

    @Override
    public List<String> origins() {
        return List.of("Arabic", "Chinese", "Czech");
    }

    @Override
    public boolean isUsable(String name) {
        return !name.isEmpty() && !Character.isDigit(name.charAt(0));
    }

    @Override
    public float[][] predict(List<String> names) {
        batches.add(names.size());
        float[][] out = new float[names.size()][];
        for (int i = 0; i < out.length; i++) {
            if (!isUsable(names.get(i))) {
                throw new IllegalArgumentException("unusable name");
            }
            char c = names.get(i).toLowerCase(Locale.ROOT).charAt(0);
            out[i] = c == 'a' ? new float[] {0.8f, 0.1f, 0.1f}
                    : c == 'c' ? new float[] {0.1f, 0.6f, 0.3f} : new float[] {0.2f, 0.2f, 0.6f};
        }
        return out;
    }
}
