package io.github.nameorigin.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The whole configuration of the service, bound from {@code nameorigin.*}.
 *
 * @param mode          what to do at startup: load a checkpoint, train, or load-else-train
 * @param dataDir       directory of {@code <Language>.txt} files to train on; unset means no
 *                      training is possible
 * @param checkpointDir directory the checkpoint is loaded from and saved to
 * @param model         architecture and size of the network
 * @param training      training hyperparameters
 * @param request       limits on prediction requests
 * @param batching      dynamic batching of concurrent prediction requests
 * @param evaluate      a directory of {@code <Language>.txt} files: when set, the application
 *                      scores the loaded model on it, prints the report and exits
 * @param evaluateOutput with {@code evaluate}, a file to also write the report to as JSON
 * @param extraDataDirs directories of {@code <Language>.txt} files of other sources, whose file
 *                      names are origins of {@code dataDir}: trained on beside it (see
 *                      {@code training.heldOutSource} for one kept out of the validated network)
 * @param prediction    how answers are given: the origin mix and the "none of these" threshold
 */
@Validated
@ConfigurationProperties("nameorigin")
public record NameOriginProperties(
        @DefaultValue("auto") @NotNull Mode mode,
        Path dataDir,
        @DefaultValue("data/checkpoint") @NotNull Path checkpointDir,
        @DefaultValue @Valid Model model,
        @DefaultValue @Valid Training training,
        @DefaultValue @Valid Request request,
        @DefaultValue @Valid Batching batching,
        Path evaluate,
        Path evaluateOutput,
        List<Path> extraDataDirs,
        @DefaultValue @Valid Prediction prediction) {

    /**
     * How answers are given.
     *
     * @param prior            the origin mix answers assume unless a request says otherwise:
     *                         {@code training} (the training names' own mix), {@code softened}
     *                         (each origin's training share to the power 1/2, renormalised),
     *                         {@code uniform} (every origin alike)
     * @param unknownThreshold an answer is {@code unknown} ("none of these origins") when its
     *                         {@code unknownScore} is above this
     */
    public record Prediction(
            @DefaultValue("softened") @NotNull @Pattern(regexp = "training|softened|uniform") String prior,
            @DefaultValue("0.6") @DecimalMin("0.0") @DecimalMax("1.0") double unknownThreshold) {
    }

    /** Startup behaviour. */
    public enum Mode {
        /** Load the checkpoint if present, else train on the configured dataset. */
        AUTO,
        /** Always train, then save the checkpoint. */
        TRAIN,
        /** Load the checkpoint or fail. */
        LOAD
    }

    /**
     * Network architecture and size.
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
    public record Model(
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

        /** The bound constructor: every property. */
        @ConstructorBinding
        public Model {
        }

        /**
         * A single recurrent network without the n-gram branch.
         *
         * @param architecture  see the record
         * @param hiddenSize    see the record
         * @param embeddingSize see the record
         * @param layers        see the record
         * @param bidirectional see the record
         * @param dropout       see the record
         */
        public Model(String architecture, int hiddenSize, int embeddingSize, int layers, boolean bidirectional,
                float dropout) {
            this(architecture, hiddenSize, embeddingSize, layers, bidirectional, dropout, 0, 64, 1);
        }

        /**
         * A network without the linear member.
         *
         * @param architecture  see the record
         * @param hiddenSize    see the record
         * @param embeddingSize see the record
         * @param layers        see the record
         * @param bidirectional see the record
         * @param dropout       see the record
         * @param ngramBuckets  see the record
         * @param ngramSize     see the record
         * @param members       see the record
         */
        public Model(String architecture, int hiddenSize, int embeddingSize, int layers, boolean bidirectional,
                float dropout, int ngramBuckets, int ngramSize, int members) {
            this(architecture, hiddenSize, embeddingSize, layers, bidirectional, dropout, ngramBuckets, ngramSize,
                    members, 0f);
        }

        /**
         * The same network with another weight for the linear member.
         *
         * @param weight the linear member's weight
         * @return the changed copy
         */
        public Model withLinearWeight(float weight) {
            return new Model(architecture, hiddenSize, embeddingSize, layers, bidirectional, dropout, ngramBuckets,
                    ngramSize, members, weight);
        }
    }

    /**
     * Training hyperparameters.
     *
     * @param seed               seed for the split, initialisation and shuffling
     * @param epochs             passes over the training names (batched architectures)
     * @param iterations         SGD steps for the elman recipe (one random name per step)
     * @param batchSize          names per training batch (batched architectures)
     * @param learningRate       learning rate (Adam for gru/lstm, SGD for elman)
     * @param validationFraction share of unique names held out for validation
     * @param logEvery           steps between progress log lines
     * @param lossEvery          steps between loss-curve points
     * @param labelSmoothing     share of the target spread evenly over all origins (0 = plain NLL)
     * @param cosineDecay        whether the learning rate decays to zero along a cosine
     *                           (batched architectures)
     * @param classWeightPower   per-example loss weight {@code (count of the example's origin)^-p},
     *                           normalised to mean 1 over the training examples: 0 weighs all
     *                           examples alike, 0.5 is inverse square-root frequency, 1 fully
     *                           balances the origins (batched architectures)
     * @param refit              after validating, train a second network with the same recipe and
     *                           seed on all names (training and validation), and serve it with the
     *                           validated network's calibration; about twice the training time
     * @param heldOutSource      the directory name of one of {@code extraDataDirs} that the validated
     *                           network does not train on: its names that no training or
     *                           validation name matches are scored as the cross-source check, and
     *                           the refit trains on them; unset: every extra source is trained on
     */
    public record Training(
            @DefaultValue("42") long seed,
            @DefaultValue("16") @Min(1) @Max(1000) int epochs,
            @DefaultValue("100000") @Min(1) int iterations,
            @DefaultValue("128") @Min(1) @Max(4096) int batchSize,
            @DefaultValue("0.005") @DecimalMin("0.0") float learningRate,
            @DefaultValue("0.1") @DecimalMin("0.01") @DecimalMax("0.5") double validationFraction,
            @DefaultValue("100") @Min(1) int logEvery,
            @DefaultValue("20") @Min(1) int lossEvery,
            @DefaultValue("0.1") @DecimalMin("0.0") @DecimalMax("0.5") float labelSmoothing,
            @DefaultValue("true") boolean cosineDecay,
            @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("1.0") float classWeightPower,
            @DefaultValue("false") boolean refit,
            String heldOutSource) {

        /** The bound constructor: every property. */
        @ConstructorBinding
        public Training {
        }

        /**
         * Hyperparameters without a held-out source.
         *
         * @param seed               see the record
         * @param epochs             see the record
         * @param iterations         see the record
         * @param batchSize          see the record
         * @param learningRate       see the record
         * @param validationFraction see the record
         * @param logEvery           see the record
         * @param lossEvery          see the record
         * @param labelSmoothing     see the record
         * @param cosineDecay        see the record
         * @param classWeightPower   see the record
         * @param refit              see the record
         */
        public Training(long seed, int epochs, int iterations, int batchSize, float learningRate,
                double validationFraction, int logEvery, int lossEvery, float labelSmoothing, boolean cosineDecay,
                float classWeightPower, boolean refit) {
            this(seed, epochs, iterations, batchSize, learningRate, validationFraction, logEvery, lossEvery,
                    labelSmoothing, cosineDecay, classWeightPower, refit, null);
        }

        /**
         * Hyperparameters without class weighting, refit or held-out source.
         *
         * @param seed               see the record
         * @param epochs             see the record
         * @param iterations         see the record
         * @param batchSize          see the record
         * @param learningRate       see the record
         * @param validationFraction see the record
         * @param logEvery           see the record
         * @param lossEvery          see the record
         * @param labelSmoothing     see the record
         * @param cosineDecay        see the record
         */
        public Training(long seed, int epochs, int iterations, int batchSize, float learningRate,
                double validationFraction, int logEvery, int lossEvery, float labelSmoothing, boolean cosineDecay) {
            this(seed, epochs, iterations, batchSize, learningRate, validationFraction, logEvery, lossEvery,
                    labelSmoothing, cosineDecay, 0f, false, null);
        }
    }

    /**
     * Limits on what a client may send.
     *
     * @param maxNameLength  longest accepted name, in characters
     * @param maxBatchNames  most names in one request
     * @param defaultTop     predictions returned when the request does not say
     */
    public record Request(
            @DefaultValue("64") @Min(1) @Max(1024) int maxNameLength,
            @DefaultValue("1000") @Min(1) @Max(100000) int maxBatchNames,
            @DefaultValue("3") @Min(1) int defaultTop) {
    }

    /**
     * Dynamic batching: concurrent requests are queued and run as one forward pass.
     *
     * @param enabled       whether requests are batched at all
     * @param maxBatchSize  most names in one forward pass
     * @param maxDelay      longest a request waits for others to join its batch
     * @param queueCapacity most names waiting; beyond it requests get 503
     * @param workers       threads running forward passes
     */
    public record Batching(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("256") @Min(1) @Max(4096) int maxBatchSize,
            @DefaultValue("2ms") @NotNull Duration maxDelay,
            @DefaultValue("32768") @Min(1) int queueCapacity,
            @DefaultValue("2") @Min(1) @Max(64) int workers) {
    }
}
