package io.github.nameorigin.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * Negative log-likelihood of log-probabilities (the tutorial's {@code NLLLoss}), averaged over
 * the batch, with optional label smoothing (Szegedy et al. 2016, arXiv:1512.00567): the target
 * puts {@code 1 - eps} on the true origin and {@code eps} spread evenly over all origins.
 *
 * <p>Labels are the origin indices, optionally followed by per-example weights (class weighting;
 * the batch loss is then the mean of weighted example losses). Predictions are either one array
 * of log-probabilities or, from an ensemble in training, the combined output followed by each
 * member's own: then each member is scored on its own and the losses are averaged, so members
 * train independently.
 */
final class NllLoss extends Loss {

    private final float smoothing;

    NllLoss(float smoothing) {
        super("nll");
        this.smoothing = smoothing;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray target = labels.get(0);
        NDArray weights = labels.size() > 1 ? labels.get(1) : null;
        if (predictions.size() == 1) {
            return memberLoss(target, weights, predictions.get(0));
        }
        NDArray sum = null;
        for (int i = 1; i < predictions.size(); i++) {
            NDArray loss = memberLoss(target, weights, predictions.get(i));
            sum = sum == null ? loss : sum.add(loss);
        }
        return sum.div(predictions.size() - 1);
    }

    private NDArray memberLoss(NDArray target, NDArray weights, NDArray logProbabilities) {
        NDArray perExample = logProbabilities.get(new NDIndex().addAllDim().addPickDim(target)).neg();
        if (smoothing != 0f) {
            NDArray uniform = logProbabilities.mean(new int[] {1}).neg();
            perExample = perExample.mul(1f - smoothing).add(uniform.mul(smoothing));
        }
        if (weights != null) {
            perExample = perExample.mul(weights);
        }
        return perExample.mean();
    }
}
