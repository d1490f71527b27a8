package io.github.nameorigin.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ai.djl.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.CheckpointStore;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.NameNormalizer;
import io.github.nameorigin.model.NetworkFactory;
import io.github.nameorigin.model.Vocabulary;

/**
 * Throughput of the model forward pass at batch sizes 1, 16 and 256, on the checkpoint in the
 * directory named by the system property {@code nameorigin.benchmark.checkpoint} (default
 * {@code data/checkpoint}).
 *
 * <ul>
 * <li>{@code predict}: {@link LoadedModel#predict}, what the service calls: normalise and encode
 * the names, forward pass, temperature softmax.</li>
 * <li>{@code logProbabilities}: {@link LoadedModel#logProbabilities} on pre-encoded names: the
 * padded batch, the DJL/PyTorch forward pass and the copy back to Java, nothing else.</li>
 * </ul>
 *
 * <p>Scores are batches per second; multiply by the batch size for names per second
 * ({@code src/test/perf/jmh.sh} prints both). Run with one intra-op thread
 * ({@code -Dai.djl.pytorch.num_threads=1}), as the service does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Xmx512m"})
public class ForwardPassBenchmark {

    /** Names per forward pass. */
    @Param({"1", "16", "256"})
    public int batchSize;

    private LoadedModel loaded;
    private Model raw;
    private List<String> names;
    private List<int[]> encoded;

    /** Loads the checkpoint twice: once for the service's path, once as a bare DJL model. */
    @Setup(Level.Trial)
    public void load() throws Exception {
        Path dir = Path.of(System.getProperty("nameorigin.benchmark.checkpoint", "data/checkpoint"));
        loaded = new CheckpointStore().load(dir);
        CheckpointMetadata metadata = loaded.metadata();
        Vocabulary vocabulary = new Vocabulary(metadata.vocabulary());
        raw = NetworkFactory.model(metadata.architecture(), vocabulary.size(), metadata.origins().size());
        raw.load(dir, "name-origin");
        names = BenchmarkNames.batch(batchSize);
        encoded = new ArrayList<>(batchSize);
        for (String name : names) {
            encoded.add(vocabulary.encode(NameNormalizer.spelling(name)));
        }
    }

    /** Closes both models. */
    @TearDown(Level.Trial)
    public void close() {
        raw.close();
        loaded.close();
    }

    /** The service's call: encode, forward pass, temperature softmax. */
    @Benchmark
    public float[][] predict() {
        return loaded.predict(names);
    }

    /** The bare forward pass on encoded names. */
    @Benchmark
    public float[] logProbabilities() {
        return LoadedModel.logProbabilities(raw.getBlock(), raw.getNDManager(), encoded);
    }
}
