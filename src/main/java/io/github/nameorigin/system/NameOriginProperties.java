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

import io.github.nameorigin.model.NetworkSpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
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
 * @param warmup        predictions the service sends itself before readiness turns UP
 * @param evaluate      a directory of {@code <Language>.txt} files: when set, the application
 *                      scores the loaded model on it, prints the report and exits
 * @param evaluateOutput with {@code evaluate}, a file to also write the report to as JSON
 * @param score         the bulk scoring command: when {@code score.input} is set, the application
 *                      scores that file, writes {@code score.output} and exits
 * @param modelsDir     the model store: one directory per model version and the {@code active}
 *                      pointer; replicas that share it serve the same version
 * @param management    the management API under {@code /models}
 * @param lifecycle     training new versions while serving, and promoting them
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
        @DefaultValue @Valid NetworkSpec model,
        @DefaultValue @Valid Training training,
        @DefaultValue @Valid Request request,
        @DefaultValue @Valid Batching batching,
        @DefaultValue @Valid Warmup warmup,
        Path evaluate,
        Path evaluateOutput,
        @DefaultValue @Valid Score score,
        @DefaultValue("data/models") @NotNull Path modelsDir,
        @DefaultValue @Valid Management management,
        @DefaultValue @Valid Lifecycle lifecycle,
        List<Path> extraDataDirs,
        @DefaultValue @Valid Prediction prediction) {

    /**
     * The management API.
     *
     * @param apiKey the key clients send in the {@code X-API-Key} header (environment
     *               {@code NAMEORIGIN_MANAGEMENT_API_KEY}); unset or blank turns the management
     *               endpoints off (they answer 404)
     */
    public record Management(String apiKey) {

        /**
         * Whether the management API is on.
         *
         * @return true when a key is configured
         */
        public boolean enabled() {
            return apiKey != null && !apiKey.isBlank();
        }

        /** Never shows the key, so that logging the configuration cannot leak it. */
        @Override
        public String toString() {
            return "Management[apiKey=" + (enabled() ? "(set)" : "(unset)") + "]";
        }
    }

    /**
     * Training new versions while serving, and promoting them.
     *
     * @param promotion     when a new version is activated: {@code manual} (it stays a
     *                      candidate) or {@code if-not-worse} (when its top-1 and ECE on the
     *                      validation names are not worse than the active model's by more than
     *                      the tolerances)
     * @param top1Tolerance how much lower a candidate's top-1 may be
     * @param eceTolerance  how much higher a candidate's expected calibration error may be
     * @param watchInterval how often each replica reads the store's {@code active} pointer
     * @param trainingNice  the Linux nice value (0 to 19) of the thread that trains while the
     *                      service serves, so that requests get the cores first
     */
    public record Lifecycle(
            @DefaultValue("if-not-worse") @NotNull Promotion promotion,
            @DefaultValue("0.01") @DecimalMin("0.0") @DecimalMax("1.0") double top1Tolerance,
            @DefaultValue("0.01") @DecimalMin("0.0") @DecimalMax("1.0") double eceTolerance,
            @DefaultValue("1s") @NotNull Duration watchInterval,
            @DefaultValue("10") @Min(0) @Max(19) int trainingNice) {
    }

    /** When a newly trained version is activated. */
    public enum Promotion {
        /** Never by itself: it stays CANDIDATE until an operator activates it. */
        MANUAL,
        /** When it is not worse than the active model by more than the tolerances. */
        IF_NOT_WORSE
    }

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
     * @param heldOutSource      the directory name of one of {@code extraDataDirs} that no network
     *                           trains on (the refit neither): its names that no training or
     *                           validation name matches are scored as the cross-source check;
     *                           unset: every extra source is trained on
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
    }

    /**
     * Limits on what a client may send.
     *
     * @param maxNameLength  longest accepted name, in characters
     * @param maxBatchNames  most names in one request
     * @param defaultTop     predictions returned when the request does not say
     * @param maxBodySize    largest request body accepted; a larger one is refused with 413 before
     *                       it is read (by its Content-Length) or as soon as it passes the limit
     *                       (chunked); 1,000 names of 64 characters fit in about 70 KB
     * @param bodyTimeout    longest a client may take to send its whole request body; a slower one
     *                       is answered 408 and closed. Bodies are read without holding a request
     *                       thread, so slow clients cost a connection, not a thread
     */
    public record Request(
            @DefaultValue("64") @Min(1) @Max(1024) int maxNameLength,
            @DefaultValue("1000") @Min(1) @Max(100000) int maxBatchNames,
            @DefaultValue("3") @Min(1) int defaultTop,
            @DefaultValue("256KB") @NotNull DataSize maxBodySize,
            @DefaultValue("30s") @NotNull Duration bodyTimeout) {
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

    /**
     * The bulk scoring command ({@code io.github.nameorigin.scoring}).
     *
     * @param input     a CSV or TSV file with a header row (a {@code .tsv} name means tabs); unset:
     *                  no scoring
     * @param output    where to write the input columns plus origin, probability and set, in the
     *                  input's format; required with {@code input}
     * @param column    the header of the column that holds the names
     * @param coverage  coverage of the prediction set written per name (when the model has sets)
     * @param batchSize names per forward pass
     * @param threads   threads running forward passes
     */
    public record Score(
            Path input,
            Path output,
            @DefaultValue("name") @NotNull String column,
            @DefaultValue("0.9") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            double coverage,
            @DefaultValue("2048") @Min(1) @Max(65536) int batchSize,
            @DefaultValue("2") @Min(1) @Max(64) int threads) {
    }

    /**
     * The warm-up before readiness: once the model is ready, the service posts predictions to its
     * own {@code /predict} over loopback, so that the JIT compiles the request path before traffic
     * arrives; the {@code warmup} health contributor (in the readiness group) is DOWN until then.
     * The warm-up's requests count in the HTTP and prediction metrics like any others.
     *
     * @param requests    requests to send (every 16th with 64 names, the rest with one); 0 turns
     *                    the warm-up off
     * @param concurrency requests in flight at once
     * @param maxDuration longest the warm-up may take once the model is ready; readiness turns UP
     *                    then whatever was sent
     */
    public record Warmup(
            @DefaultValue("3000") @Min(0) @Max(1000000) int requests,
            @DefaultValue("4") @Min(1) @Max(64) int concurrency,
            @DefaultValue("20s") @NotNull Duration maxDuration) {
    }
}
