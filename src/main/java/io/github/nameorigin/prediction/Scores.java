package io.github.nameorigin.prediction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.nameorigin.model.PredictionSets;

/**
 * Probabilities for a run of names, with the origin labels they refer to (captured with them, so
 * a model swap between two calls cannot mislabel a vector).
 *
 * @param origins       labels, in vector order
 * @param probabilities one vector per name, in input order
 * @param sets          the prediction sets of the model that scored them, or null
 * @param model         the store version that computed them, or null outside the store
 */
record Scores(List<String> origins, float[][] probabilities, PredictionSets sets, String model) {

    /** Scores of a model outside the store, without sets. */
    Scores(List<String> origins, float[][] probabilities) {
        this(origins, probabilities, null, null);
    }

    /** The scores of {@code length} names starting at {@code offset}. */
    Scores slice(int offset, int length) {
        return new Scores(origins, Arrays.copyOfRange(probabilities, offset, offset + length), sets, model);
    }

    int size() {
        return probabilities.length;
    }

    /**
     * The parts one after the other.
     *
     * @throws PredictionUnavailableException when the model was replaced between two parts
     */
    static Scores concat(List<Scores> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<String> origins = parts.get(0).origins();
        List<float[]> rows = new ArrayList<>();
        for (Scores part : parts) {
            if (!part.origins().equals(origins) || part.sets() != parts.get(0).sets()
                    || !java.util.Objects.equals(part.model(), parts.get(0).model())) {
                throw new PredictionUnavailableException("The model was replaced while this request ran; retry.",
                        Duration.ofSeconds(1));
            }
            rows.addAll(List.of(part.probabilities()));
        }
        return new Scores(origins, rows.toArray(float[][]::new), parts.get(0).sets(), parts.get(0).model());
    }
}
