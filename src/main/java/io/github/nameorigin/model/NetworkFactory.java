package io.github.nameorigin.model;

import ai.djl.Model;
import ai.djl.nn.Block;


/**
 * The one place the network is defined: training and checkpoint loading both build it here, so a
 * checkpoint's parameters always fit the block they are loaded into.
 */
public final class NetworkFactory {

    /** Architectures this factory builds. */
    public static final java.util.List<String> ARCHITECTURES = java.util.List.of("gru", "lstm", "elman");

    private NetworkFactory() {
    }

    /**
     * Builds the block for an architecture: the Elman RNN, one recurrent network (optionally with
     * the n-gram branch), or an {@link EnsembleBlock} of {@code members} of them.
     *
     * @param config         architecture and size
     * @param vocabularySize vocabulary plus padding
     * @param classes        number of origins
     * @return an uninitialized block
     */
    public static Block block(NetworkSpec config, int vocabularySize, int classes) {
        String architecture = config.architecture();
        if ("elman".equals(architecture)) {
            return new ElmanBlock(vocabularySize, config.hiddenSize(), classes);
        }
        if (!ARCHITECTURES.contains(architecture)) {
            throw new IllegalArgumentException("Unknown architecture '" + architecture + "'; expected one of "
                    + ARCHITECTURES);
        }
        if (config.members() <= 1) {
            return recurrent(config, vocabularySize, classes);
        }
        java.util.List<Block> members = new java.util.ArrayList<>();
        for (int i = 0; i < config.members(); i++) {
            members.add(recurrent(config, vocabularySize, classes));
        }
        return new EnsembleBlock(members);
    }

    private static Block recurrent(NetworkSpec config, int vocabularySize, int classes) {
        return new RecurrentClassifierBlock(config.architecture(), vocabularySize, config.embeddingSize(),
                config.hiddenSize(), config.layers(), config.bidirectional(), config.dropout(), config.ngramBuckets(),
                config.ngramSize(), classes);
    }

    /**
     * A new DJL model on the PyTorch engine holding the block for an architecture.
     *
     * @param config         architecture and size
     * @param vocabularySize vocabulary plus padding
     * @param classes        number of origins
     * @return the model; the caller owns and closes it
     */
    public static Model model(NetworkSpec config, int vocabularySize, int classes) {
        Model model = Model.newInstance("name-origin", "PyTorch");
        model.setBlock(block(config, vocabularySize, classes));
        return model;
    }
}
