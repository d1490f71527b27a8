package io.github.nameorigin.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * The PyTorch tutorial's character RNN, written as a DJL block: at each character,
 * {@code combined = [onehot(c_t), h_{t-1}]}, {@code h_t = i2h(combined)},
 * {@code o_t = i2o(combined)}; the output is {@code log_softmax(o)} at the name's last character.
 * (Elman, "Finding structure in time", Cognitive Science 14, 1990; the tutorial is "NLP From
 * Scratch: Classifying Names with a Character-Level RNN".)
 *
 * <p>Input: {@link NameBatch} arrays (tokens and the last-character mask); padding after a name's
 * end does not change its output because only the output at its last character is kept.
 */
public final class ElmanBlock extends AbstractBlock {

    private final int vocabularySize;
    private final int hiddenSize;
    private final int classes;
    private final Linear i2h;
    private final Linear i2o;

    /**
     * Creates the block.
     *
     * @param vocabularySize one-hot width (vocabulary plus padding)
     * @param hiddenSize     hidden state width (the tutorial uses 128)
     * @param classes        number of origins
     */
    public ElmanBlock(int vocabularySize, int hiddenSize, int classes) {
        this.vocabularySize = vocabularySize;
        this.hiddenSize = hiddenSize;
        this.classes = classes;
        this.i2h = addChildBlock("i2h", Linear.builder().setUnits(hiddenSize).build());
        this.i2o = addChildBlock("i2o", Linear.builder().setUnits(classes).build());
        // PyTorch's nn.Linear default, U(-1/sqrt(fan_in), 1/sqrt(fan_in)). With DJL's default
        // Xavier weights this linear recurrence diverged (NaN loss) a third of the way into the
        // tutorial's 100k SGD steps.
        float bound = (float) (1 / Math.sqrt(vocabularySize + hiddenSize));
        for (Linear layer : new Linear[] {i2h, i2o}) {
            layer.setInitializer(new UniformInitializer(bound), Parameter.Type.WEIGHT);
            layer.setInitializer(new UniformInitializer(bound), Parameter.Type.BIAS);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray tokens = inputs.get(NameBatch.TOKENS);
        NDArray lastMask = inputs.get(NameBatch.LAST_MASK);
        long batch = tokens.getShape().get(0);
        long steps = tokens.getShape().get(1);
        NDArray oneHot = tokens.oneHot(vocabularySize);
        NDArray hidden = oneHot.getManager().zeros(new Shape(batch, hiddenSize));
        NDArray output = null;
        for (long t = 0; t < steps; t++) {
            NDArray combined = oneHot.get(":, {}, :", t).concat(hidden, 1);
            NDList in = new NDList(combined);
            hidden = i2h.forward(store, in, training).singletonOrThrow();
            NDArray stepOut = i2o.forward(store, in, training).singletonOrThrow()
                    .mul(lastMask.get(":, {}", t).expandDims(1));
            output = output == null ? stepOut : output.add(stepOut);
        }
        return new NDList(output.logSoftmax(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[NameBatch.TOKENS].get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape combined = new Shape(inputShapes[NameBatch.TOKENS].get(0), vocabularySize + hiddenSize);
        i2h.initialize(manager, dataType, combined);
        i2o.initialize(manager, dataType, combined);
    }
}
