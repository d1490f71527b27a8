package io.github.nameorigin.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The network's architecture and size: bound from {@code nameorigin.model} and stored in every
 * checkpoint, so that loading rebuilds the block the parameters were trained in.
 *
 * @param architecture  {@code lstm} (production: embedding + LSTM), {@code gru}, or
 *                      {@code elman} (the tutorial's one-hot Elman RNN)
 * @param hiddenSize    width of the recurrent state (the tutorial's Elman RNN uses 128)
 * @param embeddingSize width of the character embedding (ignored by elman)
 * @param layers        stacked recurrent layers (ignored by elman)
 * @param bidirectional whether GRU/LSTM also reads each name backwards
 * @param dropout       dropout between stacked layers and before the classifier
 * @param ngramBuckets  rows of the hashed character 1-4-gram embedding table whose mean is
 *                      concatenated with the recurrent state (fastText-style branch); 0 turns
 *                      the branch off; must divide 1048576 (a power of two)
 * @param ngramSize     width of an n-gram embedding (when the n-gram branch is on)
 * @param members       independently initialised networks averaged in one block (ensemble);
 *                      1 is a single network
 * @param linearWeight  weight of the linear member (a character n-gram TF-IDF logistic
 *                      regression trained beside the network) in the mix of the two
 *                      log-probabilities; 0 serves the network alone
 */
public record NetworkSpec(
        @DefaultValue("lstm") @NotNull String architecture,
        @DefaultValue("64") @Min(1) @Max(2048) int hiddenSize,
        @DefaultValue("64") @Min(1) @Max(1024) int embeddingSize,
        @DefaultValue("1") @Min(1) @Max(4) int layers,
        @DefaultValue("true") boolean bidirectional,
        @DefaultValue("0.3") @DecimalMin("0.0") @DecimalMax("0.9") float dropout,
        @DefaultValue("8192") @Min(0) @Max(1048576) int ngramBuckets,
        @DefaultValue("64") @Min(1) @Max(1024) int ngramSize,
        @DefaultValue("1") @Min(1) @Max(16) int members,
        @DefaultValue("0.35") @DecimalMin("0.0") @DecimalMax("1.0") float linearWeight) {
}
