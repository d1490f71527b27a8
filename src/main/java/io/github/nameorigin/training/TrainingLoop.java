package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import io.github.nameorigin.model.NameBatch;
import io.github.nameorigin.model.NetworkSpec;
import io.github.nameorigin.system.NameOriginProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimisation loop. Two recipes:
 * <ul>
 * <li>{@code elman}: the tutorial's: one random name per step (a random origin, then a random
 * name of it), plain SGD at the configured rate, {@code iterations} steps, validation every
 * tenth of the run;</li>
 * <li>{@code gru}/{@code lstm}: length-bucketed mini-batches, Adam with optional cosine decay,
 * {@code epochs} passes, validation after each.</li>
 * </ul>
 * Progress goes to the {@link TrainingMonitor} and, every {@code logEvery} steps, to the log in
 * the tutorial's style: step, percent, elapsed, loss, a sample name, its guess and ✓/✗.
 */
final class TrainingLoop {

    private static final Logger log = LoggerFactory.getLogger(TrainingLoop.class);

    private final boolean elman;
    private final NameOriginProperties.Training config;
    private final TrainingMonitor monitor;
    private final List<String> origins;
    private final Random random;
    private float[] classWeights;
    private long step;
    private long batchNanos;
    private long forwardBackwardNanos;
    private long updateNanos;
    private long validationNanos;
    private double lossSum;
    private int lossCount;

    TrainingLoop(NetworkSpec architecture, NameOriginProperties.Training config,
            TrainingMonitor monitor, List<String> origins, Random random) {
        this.elman = "elman".equals(architecture.architecture());
        this.config = config;
        this.monitor = monitor;
        this.origins = origins;
        this.random = random;
    }

    long totalSteps(int examples) {
        return elman ? config.iterations()
                : (long) config.epochs() * BatchPlan.batchesPerEpoch(examples, config.batchSize());
    }

    TrainingConfig trainingConfig(int examples) {
        Optimizer optimizer;
        if (elman) {
            optimizer = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(config.learningRate())).build();
        } else {
            Tracker rate = config.cosineDecay()
                    ? CosineTracker.builder().setBaseValue(config.learningRate()).optFinalValue(0f)
                            .setMaxUpdates((int) totalSteps(examples)).build()
                    : Tracker.fixed(config.learningRate());
            optimizer = Adam.builder().optLearningRateTracker(rate).optClipGrad(5f).build();
        }
        // The tutorial's recipe is plain NLL: label smoothing belongs to the batched recipe only.
        float smoothing = elman ? 0f : config.labelSmoothing();
        return new DefaultTrainingConfig(new NllLoss(smoothing)).optOptimizer(optimizer);
    }

    /**
     * Runs the loop.
     *
     * @param trainer  an initialized trainer
     * @param examples the training examples
     * @param validate called after each epoch, returns validation top-1; null when there are no
     *                 validation names (the refit on all names)
     */
    void run(Trainer trainer, List<Example> examples, DoubleSupplier validate) {
        long total = totalSteps(examples.size());
        classWeights = classWeights(examples);
        monitor.start(total, config.lossEvery());
        long started = System.nanoTime();
        if (elman) {
            List<List<Example>> byOrigin = new ArrayList<>();
            origins.forEach(o -> byOrigin.add(new ArrayList<>()));
            examples.forEach(e -> byOrigin.get(e.label()).add(e));
            byOrigin.removeIf(List::isEmpty);
            long validateEvery = Math.max(1, total / 10);
            while (step < total) {
                List<Example> group = byOrigin.get(random.nextInt(byOrigin.size()));
                step(trainer, List.of(group.get(random.nextInt(group.size()))), total, started);
                if (step % validateEvery == 0 || step == total) {
                    endEpoch(validate, (int) (step / validateEvery), started);
                }
            }
            return;
        }
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (List<Example> batch : BatchPlan.epoch(examples, config.batchSize(), random)) {
                step(trainer, batch, total, started);
                monitor.step(step, epoch);
            }
            endEpoch(validate, epoch, started);
        }
        log.info("Training time: batches {} s, forward+backward {} s, optimizer {} s, validation {} s, total {} s",
                seconds(batchNanos), seconds(forwardBackwardNanos), seconds(updateNanos), seconds(validationNanos),
                seconds(System.nanoTime() - started));
    }

    private static String seconds(long nanos) {
        return "%.1f".formatted(nanos / 1e9);
    }

    /**
     * Per-origin loss weights {@code count^-p}, normalised so the mean weight over the examples is
     * 1 (the loss scale, hence the learning rate, stays comparable); null when {@code p = 0}.
     */
    private float[] classWeights(List<Example> examples) {
        float power = config.classWeightPower();
        if (power == 0f) {
            return null;
        }
        int[] counts = new int[origins.size()];
        examples.forEach(e -> counts[e.label()]++);
        double[] raw = new double[counts.length];
        double total = 0;
        for (int c = 0; c < counts.length; c++) {
            raw[c] = counts[c] == 0 ? 0 : Math.pow(counts[c], -power);
            total += raw[c] * counts[c];
        }
        float[] weights = new float[counts.length];
        for (int c = 0; c < counts.length; c++) {
            weights[c] = (float) (raw[c] * examples.size() / total);
        }
        return weights;
    }

    private void endEpoch(DoubleSupplier validate, int epoch, long started) {
        monitor.step(step, epoch);
        if (validate == null) {
            log.info("Epoch {}: step {}, {} s", epoch, step, "%.1f".formatted((System.nanoTime() - started) / 1e9));
            return;
        }
        long validationStarted = System.nanoTime();
        double accuracy = validate.getAsDouble();
        validationNanos += System.nanoTime() - validationStarted;
        log.info("Epoch {}: step {}, {} s, validation top-1 {}", epoch, step,
                "%.1f".formatted((System.nanoTime() - started) / 1e9), "%.4f".formatted(accuracy));
    }

    private void step(Trainer trainer, List<Example> batch, long total, long started) {
        List<int[]> encoded = new ArrayList<>(batch.size());
        int[] labels = new int[batch.size()];
        for (int i = 0; i < labels.length; i++) {
            encoded.add(batch.get(i).encoded());
            labels[i] = batch.get(i).label();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("Training interrupted at step " + step);
        }
        step++;
        boolean logNow = step % config.logEvery() == 0;
        float loss;
        int guess = -1;
        // Every array of the step lives on this sub-manager and is freed when it closes; without
        // it, each step would leave its activations and gradients' inputs in native memory.
        try (NDManager manager = trainer.getManager().newSubManager()) {
            long t0 = System.nanoTime();
            NDList inputs = NameBatch.of(manager, encoded);
            NDList target = new NDList(manager.create(labels));
            if (classWeights != null) {
                float[] weights = new float[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    weights[i] = classWeights[labels[i]];
                }
                target.add(manager.create(weights));
            }
            long t1 = System.nanoTime();
            try (GradientCollector collector = trainer.newGradientCollector()) {
                // An ensemble in training returns its combined output first, then its members'.
                NDList prediction = trainer.forward(inputs);
                NDArray value = trainer.getLoss().evaluate(target, prediction);
                collector.backward(value);
                loss = value.getFloat();
                if (logNow) {
                    guess = (int) prediction.get(0).get(0).argMax().getLong();
                }
            }
            long t2 = System.nanoTime();
            trainer.step();
            long t3 = System.nanoTime();
            batchNanos += t1 - t0;
            forwardBackwardNanos += t2 - t1;
            updateNanos += t3 - t2;
        }
        record(loss);
        if (logNow) {
            Example sample = batch.get(0);
            boolean correct = guess == sample.label();
            monitor.guess(new TrainingMonitor.SampleGuess(sample.name(), origins.get(sample.label()),
                    origins.get(guess), correct));
            log.info("{} {}% ({} s) {} {} / {} {}", step, 100 * step / total,
                    "%.1f".formatted((System.nanoTime() - started) / 1e9), "%.4f".formatted(loss), sample.name(),
                    origins.get(guess), correct ? "✓" : "✗ (" + origins.get(sample.label()) + ")");
        }
    }

    private void record(float loss) {
        lossSum += loss;
        lossCount++;
        if (step % config.lossEvery() == 0) {
            monitor.loss(lossSum / lossCount);
            lossSum = 0;
            lossCount = 0;
        }
        if (elman) {
            monitor.step(step, 0);
        }
    }
}
