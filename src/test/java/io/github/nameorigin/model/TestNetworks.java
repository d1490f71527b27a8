package io.github.nameorigin.model;

/**
 * Small network specifications for tests: the defaults that matter are spelled out and the rest
 * is off (no n-gram branch, one member, no linear member).
 */
public final class TestNetworks {

    private TestNetworks() {
    }

    /**
     * A single recurrent network without the n-gram branch or the linear member.
     *
     * @param architecture  the cell
     * @param hiddenSize    the state width
     * @param embeddingSize the embedding width
     * @param layers        stacked layers
     * @param bidirectional whether it reads backwards too
     * @param dropout       the dropout
     * @return the specification
     */
    public static NetworkSpec spec(String architecture, int hiddenSize, int embeddingSize, int layers,
            boolean bidirectional, float dropout) {
        return spec(architecture, hiddenSize, embeddingSize, layers, bidirectional, dropout, 0, 64, 1);
    }

    /**
     * A network with the n-gram branch and members, without the linear member.
     *
     * @param architecture  the cell
     * @param hiddenSize    the state width
     * @param embeddingSize the embedding width
     * @param layers        stacked layers
     * @param bidirectional whether it reads backwards too
     * @param dropout       the dropout
     * @param ngramBuckets  rows of the n-gram table
     * @param ngramSize     width of an n-gram embedding
     * @param members       networks averaged
     * @return the specification
     */
    public static NetworkSpec spec(String architecture, int hiddenSize, int embeddingSize, int layers,
            boolean bidirectional, float dropout, int ngramBuckets, int ngramSize, int members) {
        return new NetworkSpec(architecture, hiddenSize, embeddingSize, layers, bidirectional, dropout, ngramBuckets,
                ngramSize, members, 0f);
    }

    /**
     * The same network with another weight for the linear member.
     *
     * @param spec   the network
     * @param weight the linear member's weight
     * @return the changed copy
     */
    public static NetworkSpec withLinearWeight(NetworkSpec spec, float weight) {
        return new NetworkSpec(spec.architecture(), spec.hiddenSize(), spec.embeddingSize(), spec.layers(),
                spec.bidirectional(), spec.dropout(), spec.ngramBuckets(), spec.ngramSize(), spec.members(), weight);
    }
}
