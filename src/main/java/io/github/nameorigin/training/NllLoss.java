package io.github.nameorigin.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * Negative log-likelihood of log-probabilities (the tutorial's {@code NLLLoss}), averaged over
 * the batch, with optional label smoothing (Szegedy et al. 2016, arXiv:1512.00567): the target
 * puts {@code 1 - eps} on the true origin and {@code eps} spread evenly over all origins.
 */
final class NllLoss extends Loss {

    private final float smoothing;

    NllLoss(float smoothing) {
        super("nll");
        this.smoothing = smoothing;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.singletonOrThrow();
        NDArray picked = logProbabilities.get(new NDIndex().addAllDim().addPickDim(labels.singletonOrThrow()));
        NDArray nll = picked.neg().mean();
        if (smoothing == 0f) {
            return nll;
        }
        NDArray uniform = logProbabilities.mean(new int[] {1}).neg().mean();
        return nll.mul(1f - smoothing).add(uniform.mul(smoothing));
    }
}
