package io.github.nameorigin.model;

import java.util.List;
import java.util.Map;

/**
 * Replaces the origin mix a model learned from its training names by another one, with Bayes'
 * rule: a calibrated probability {@code p_i} becomes {@code p_i * w_i / pi_i}, renormalised, where
 * {@code pi} is the share of each origin among the training examples and {@code w} the wanted
 * mix. The training mix of the public dataset (nearly half Russian) is an accident of how it was
 * gathered, not a property of anyone's users, so answers can be given under an even mix instead.
 *
 * <p>{@code target} is the wanted mix, one weight per origin (normalised here). Origins a
 * caller's mix leaves out get weight 0: they are never answered.
 *
 * @param target the wanted share of each origin, summing to 1; null keeps the training mix
 */
public record OriginPrior(double[] target) {

    /** The model's own training mix: probabilities unchanged. */
    public static final OriginPrior TRAINING = new OriginPrior(null);

    /** The name of the training mix in requests and configuration. */
    public static final String TRAINING_NAME = "training";

    /** The name of the even mix in requests and configuration. */
    public static final String UNIFORM_NAME = "uniform";

    /** The name of the softened dataset mix in requests and configuration. */
    public static final String SOFTENED_NAME = "softened";

    /** The power the softened mix raises each origin's share to. */
    public static final double SOFTENING = 0.75;

    /**
     * The dataset's own mix softened toward an even one: each origin's share raised to the power
     * {@value #SOFTENING}, renormalised. Big origins still count more, by less than their size.
     *
     * @param datasetPrior the mix of the dataset's training names, or null when the model does
     *                     not record it
     * @param origins      how many origins
     * @return the softened mix (the even one when the mix is unknown)
     */
    public static OriginPrior softened(double[] datasetPrior, int origins) {
        if (datasetPrior == null) {
            return uniform(origins);
        }
        double[] target = new double[origins];
        double sum = 0;
        for (int i = 0; i < origins; i++) {
            target[i] = Math.pow(datasetPrior[i], SOFTENING);
            sum += target[i];
        }
        for (int i = 0; i < origins; i++) {
            target[i] /= sum;
        }
        return new OriginPrior(target);
    }

    /**
     * The same weight for every origin.
     *
     * @param origins how many origins
     * @return the even mix
     */
    public static OriginPrior uniform(int origins) {
        double[] target = new double[origins];
        java.util.Arrays.fill(target, 1.0 / origins);
        return new OriginPrior(target);
    }

    /**
     * A mix given as origin-to-weight pairs, normalised; origins not given get weight 0.
     *
     * @param origins the model's origins, in output order
     * @param weights weight per origin name; every name must be one of {@code origins}, every
     *                weight finite and at least 0, and their sum above 0
     * @return the mix
     * @throws IllegalArgumentException naming the first offending entry
     */
    public static OriginPrior of(List<String> origins, Map<String, Double> weights) {
        double[] target = new double[origins.size()];
        double sum = 0;
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            int index = origins.indexOf(entry.getKey());
            if (index < 0) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' is not an origin the model knows");
            }
            double weight = entry.getValue();
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("the weight of '" + entry.getKey() + "' must be a number of at least 0");
            }
            target[index] = weight;
            sum += weight;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("at least one weight must be above 0");
        }
        for (int i = 0; i < target.length; i++) {
            target[i] /= sum;
        }
        return new OriginPrior(target);
    }

    /**
     * Applies the mix to calibrated probabilities, in place.
     *
     * @param probabilities one name's calibrated probabilities under the training mix
     * @param trainingPrior the training mix the model learned, or null when unknown (then the
     *                      probabilities are taken as they are, as if it were even)
     */
    public void apply(float[] probabilities, double[] trainingPrior) {
        if (target == null) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double base = trainingPrior == null ? 1 : Math.max(trainingPrior[i], 1e-9);
            double value = probabilities[i] * target[i] / base;
            probabilities[i] = (float) value;
            sum += value;
        }
        for (int i = 0; i < probabilities.length; i++) {
            // all mass on origins the mix leaves out: spread it over the mix's origins
            probabilities[i] = sum > 0 ? (float) (probabilities[i] / sum) : (float) target[i];
        }
    }
}
