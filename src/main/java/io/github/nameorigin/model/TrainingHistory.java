package io.github.nameorigin.model;

import java.util.List;

/**
 * How a model's training went, stored with its checkpoint so the loss curve can still be drawn
 * after a restart.
 *
 * @param lossEvery                  training steps per loss-curve point
 * @param lossCurve                  average training loss over each {@code lossEvery} steps
 * @param validationAccuracyPerEpoch validation top-1 after each epoch
 */
public record TrainingHistory(int lossEvery, List<Double> lossCurve, List<Double> validationAccuracyPerEpoch) {

    /**
     * Copies the lists so the record is immutable; null lists become empty.
     */
    public TrainingHistory {
        lossCurve = lossCurve == null ? List.of() : List.copyOf(lossCurve);
        validationAccuracyPerEpoch = validationAccuracyPerEpoch == null ? List.of()
                : List.copyOf(validationAccuracyPerEpoch);
    }
}
