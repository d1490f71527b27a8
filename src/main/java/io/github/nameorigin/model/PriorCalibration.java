package io.github.nameorigin.model;

/**
 * A top-label calibration map for answers under a named origin mix ({@link OriginPrior}). The
 * checkpoint's own calibration is fitted under the training mix; re-weighting by another mix
 * makes the small origins' answers overconfident on names drawn like the training names, so this
 * second map, fitted on the validation names' calibrated probabilities after that mix, brings the
 * top probability back to how often it is right.
 *
 * @param prior     the mix's name ({@code softened} or {@code uniform})
 * @param map       the map, applied after the mix
 * @param top1      the validation names' top-1 under the mix (the map keeps the order)
 * @param ece       their expected calibration error with the map, out of fold (each half scored
 *                  by a map fitted on the other)
 * @param eceBefore their expected calibration error under the mix without the map
 */
public record PriorCalibration(String prior, TopLabelCalibration map, double top1, double ece, double eceBefore) {
}
