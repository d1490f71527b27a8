/**
 * How good the model is, in figures and pictures: the validation report (top-1, top-3,
 * macro-F1, calibration error, per-origin scores, confusion matrix), the calibration (temperature
 * scaling and the top-label map), SVG plots of the confusion matrix and the training loss, the
 * endpoints that serve them, and the {@code --nameorigin.evaluate=<dir>} command that scores a
 * checkpoint on any directory of {@code <Language>.txt} files.
 */
package io.github.nameorigin.evaluation;
