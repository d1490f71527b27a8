package io.github.nameorigin.model;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Several independently initialised networks in one block, so a checkpoint stays one parameters
 * file. The output is the normalised mean of the members' log-probabilities (a geometric-mean
 * ensemble). In training the members' own log-probabilities follow the combined output, so the
 * loss can train each member on its own (independent members stay diverse; training the average
 * would let them co-adapt).
 */
public final class EnsembleBlock extends AbstractBlock {

    private final List<Block> members;

    /**
     * Creates the block.
     *
     * @param members the networks, each taking {@link NameBatch} inputs and returning log-probabilities
     */
    public EnsembleBlock(List<Block> members) {
        for (int i = 0; i < members.size(); i++) {
            addChildBlock("member" + i, members.get(i));
        }
        this.members = List.copyOf(members);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList outputs = new NDList(members.size() + 1);
        NDArray sum = null;
        for (Block member : members) {
            NDArray out = member.forward(store, inputs, training).singletonOrThrow();
            outputs.add(out);
            sum = sum == null ? out : sum.add(out);
        }
        NDArray combined = sum.div(members.size()).logSoftmax(1);
        if (!training) {
            return new NDList(combined);
        }
        outputs.add(0, combined);
        return outputs;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return members.get(0).getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block member : members) {
            member.initialize(manager, dataType, inputShapes);
        }
    }
}
