package io.github.nameorigin.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The production network: character embedding, a GRU or LSTM (Cho et al. 2014, arXiv:1406.1078;
 * Hochreiter and Schmidhuber 1997), the state at each name's last real character, optionally
 * concatenated with a bag of hashed character n-gram embeddings (fastText, Joulin et al. 2017,
 * arXiv:1607.01759), then a linear layer and log-softmax over origins.
 *
 * <p>Names are right-padded to a common length. The forward direction's output is read at each
 * name's own last character (the {@link NameBatch#LAST_MASK} mask), so padding never reaches it.
 * The optional backward direction runs a second recurrent layer over each name reversed within
 * its own length ({@link NameBatch#REVERSED}), so it too starts at the name's real last character.
 * The n-gram bag is a weighted sum with weight 0 on padding slots ({@link NameBatch#NGRAM_WEIGHTS}).
 * A name's prediction is therefore the same alone or inside any batch.
 */
public final class RecurrentClassifierBlock extends AbstractBlock {

    private final int vocabularySize;
    private final int embeddingSize;
    private final boolean bidirectional;
    private final int classes;
    private final int ngramBuckets;
    private final Linear embedding;
    private final RecurrentBlock forward;
    private final RecurrentBlock backward;
    private final Parameter ngramTable;
    private final Dropout dropout;
    private final Linear classifier;

    /**
     * Creates the block.
     *
     * @param cell           {@code gru} or {@code lstm}
     * @param vocabularySize vocabulary plus padding
     * @param embeddingSize  embedding width
     * @param hiddenSize     recurrent state width
     * @param layers         stacked layers
     * @param bidirectional  whether to add the backward direction
     * @param dropRate       dropout between layers and before the classifier
     * @param ngramBuckets   rows of the hashed n-gram table (0 = no n-gram branch); must divide
     *                       {@link NameBatch#NGRAM_SPACE}
     * @param ngramSize      width of an n-gram embedding
     * @param classes        number of origins
     */
    public RecurrentClassifierBlock(String cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers,
            boolean bidirectional, float dropRate, int ngramBuckets, int ngramSize, int classes) {
        this.vocabularySize = vocabularySize;
        this.embeddingSize = embeddingSize;
        this.bidirectional = bidirectional;
        this.classes = classes;
        this.ngramBuckets = ngramBuckets;
        if (ngramBuckets > 0 && NameBatch.NGRAM_SPACE % ngramBuckets != 0) {
            throw new IllegalArgumentException("ngram-buckets must divide " + NameBatch.NGRAM_SPACE + ": " + ngramBuckets);
        }
        // A bias-free linear layer over one-hot characters is exactly an embedding table.
        this.embedding = addChildBlock("embedding", Linear.builder().setUnits(embeddingSize).optBias(false).build());
        this.forward = addChildBlock("forward", recurrent(cell, hiddenSize, layers, dropRate));
        this.backward = bidirectional ? addChildBlock("backward", recurrent(cell, hiddenSize, layers, dropRate)) : null;
        this.ngramTable = ngramBuckets > 0 ? addParameter(Parameter.builder().setName("ngrams")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(ngramBuckets, ngramSize)).build()) : null;
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropRate).build());
        this.classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
    }

    private static RecurrentBlock recurrent(String cell, int hiddenSize, int layers, float dropRate) {
        return switch (cell) {
            case "gru" -> GRU.builder().setStateSize(hiddenSize).setNumLayers(layers).optBatchFirst(true)
                    .optDropRate(layers > 1 ? dropRate : 0f).build();
            case "lstm" -> LSTM.builder().setStateSize(hiddenSize).setNumLayers(layers).optBatchFirst(true)
                    .optDropRate(layers > 1 ? dropRate : 0f).build();
            default -> throw new IllegalArgumentException("Unknown recurrent cell: " + cell);
        };
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray lastMask = inputs.get(NameBatch.LAST_MASK).expandDims(2);
        NDArray state = lastState(store, forward, inputs.get(NameBatch.TOKENS), lastMask, training);
        if (bidirectional) {
            NDArray back = lastState(store, backward, inputs.get(NameBatch.REVERSED), lastMask, training);
            state = NDArrays.concat(new NDList(state, back), 1);
        }
        if (ngramTable != null) {
            state = NDArrays.concat(new NDList(state, ngramBag(store, inputs)), 1);
        }
        state = dropout.forward(store, new NDList(state), training).singletonOrThrow();
        NDArray logits = classifier.forward(store, new NDList(state), training).singletonOrThrow();
        return new NDList(logits.logSoftmax(1));
    }

    private NDArray lastState(ParameterStore store, Block rnn, NDArray tokens, NDArray lastMask, boolean training) {
        NDArray embedded = embedding.forward(store, new NDList(tokens.oneHot(vocabularySize)), training)
                .singletonOrThrow();
        NDArray outputs = rnn.forward(store, new NDList(embedded), training).get(0);
        return outputs.mul(lastMask).sum(new int[] {1});
    }

    /** Mean of the name's n-gram embeddings: (batch, 1, slots) x (batch, slots, width). */
    private NDArray ngramBag(ParameterStore store, NDList inputs) {
        NDArray ids = inputs.get(NameBatch.NGRAMS);
        if (ngramBuckets != NameBatch.NGRAM_SPACE) {
            ids = ids.mod(ngramBuckets);
        }
        NDArray table = store.getValue(ngramTable, ids.getDevice(), false);
        NDArray vectors = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        return inputs.get(NameBatch.NGRAM_WEIGHTS).expandDims(1).matMul(vectors).squeeze(1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[NameBatch.TOKENS].get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[NameBatch.TOKENS];
        embedding.initialize(manager, dataType, new Shape(tokens.get(0), tokens.get(1), vocabularySize));
        Shape embedded = new Shape(tokens.get(0), tokens.get(1), embeddingSize);
        forward.initialize(manager, dataType, embedded);
        Shape state = forward.getOutputShapes(new Shape[] {embedded})[0];
        long width = state.get(2);
        if (bidirectional) {
            backward.initialize(manager, dataType, embedded);
            width *= 2;
        }
        if (ngramTable != null) {
            width += ngramTable.getShape().get(1);
        }
        // Dropout has no parameters, but a block saves its input shapes: initialise it here too,
        // or a model saved before any training forward pass (which would initialise it) fails.
        dropout.initialize(manager, dataType, new Shape(tokens.get(0), width));
        classifier.initialize(manager, dataType, new Shape(tokens.get(0), width));
    }
}
