package io.github.nameorigin.model;

import java.util.List;

/**
 * Inference API of a loaded model: thread-safe, returns plain Java values.
 */
public interface OriginClassifier {

    /**
     * The origins the model tells apart, in the order of the probability vectors.
     *
     * @return origin labels, such as {@code Japanese}
     */
    List<String> origins();

    /**
     * Whether the name has at least one character the model knows.
     *
     * @param name a raw name as the client sent it
     * @return true when the name can be encoded
     */
    boolean isUsable(String name);

    /**
     * Calibrated probabilities over {@link #origins()} for each name, in input order.
     * Every name must be {@link #isUsable(String) usable}.
     *
     * @param names raw names
     * @return one probability vector per name
     */
    float[][] predict(List<String> names);

    /**
     * The prediction sets fitted with this model.
     *
     * @return the sets, or null when its checkpoint has none
     */
    default PredictionSets predictionSets() {
        return null;
    }
}
