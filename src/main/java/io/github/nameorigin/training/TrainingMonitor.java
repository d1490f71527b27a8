package io.github.nameorigin.training;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Live progress of the current (or last) training run, written by the trainer's thread and read
 * by the status endpoint and the metrics. All methods are thread-safe.
 */
@Component
public class TrainingMonitor {

    private static final int RECENT_GUESSES = 10;

    private final Deque<SampleGuess> recent = new ArrayDeque<>();
    private final List<Double> lossCurve = new ArrayList<>();
    private boolean running;
    private long step;
    private long totalSteps;
    private int epoch;
    private int lossEvery = 1;
    private double loss = Double.NaN;
    private double validationAccuracy = Double.NaN;
    private Instant startedAt;
    private Instant finishedAt;
    private Phase phase = Phase.TRAINING;

    /** Which of a training's runs the progress is about. */
    public enum Phase {
        /** Training on the training names, validated after each epoch. */
        TRAINING,
        /** Training again on all names after validation ({@code nameorigin.training.refit}). */
        REFIT
    }

    /**
     * A recent training example: the name, the true origin, the model's guess.
     *
     * @param name    the name as in the dataset
     * @param origin  the language it is listed under
     * @param guess   the model's top guess
     * @param correct whether the guess was right
     */
    public record SampleGuess(String name, String origin, String guess, boolean correct) {
    }

    /**
     * A consistent copy of the progress.
     *
     * @param running            whether training is under way
     * @param step               steps done
     * @param totalSteps         steps planned
     * @param epoch              current epoch (1-based; 0 before the first)
     * @param loss               latest average loss
     * @param validationAccuracy latest validation top-1
     * @param lossEvery          steps per loss-curve point
     * @param lossCurve          average loss over each {@code lossEvery} steps
     * @param recentGuesses      the latest sample guesses, newest last
     * @param startedAt          start time, or null
     * @param elapsed            time since start (to the end when finished)
     * @param eta                estimated time left (of this phase), or null when unknown
     * @param phase              the run the steps count: training, or the refit after it
     */
    public record Snapshot(boolean running, long step, long totalSteps, int epoch, double loss,
            double validationAccuracy, int lossEvery, List<Double> lossCurve, List<SampleGuess> recentGuesses,
            Instant startedAt, Duration elapsed, Duration eta, Phase phase) {

        /**
         * Share of the planned steps done, 0 to 100.
         *
         * @return the percentage
         */
        public double percent() {
            return totalSteps == 0 ? 0 : 100.0 * step / totalSteps;
        }
    }

    /**
     * Starts a new run, clearing the previous one.
     *
     * @param totalSteps steps planned
     * @param lossEvery  steps per loss-curve point
     */
    public synchronized void start(long totalSteps, int lossEvery) {
        this.running = true;
        this.totalSteps = totalSteps;
        this.lossEvery = lossEvery;
        this.step = 0;
        this.epoch = 0;
        this.loss = Double.NaN;
        this.validationAccuracy = Double.NaN;
        this.lossCurve.clear();
        this.recent.clear();
        this.startedAt = Instant.now();
        this.finishedAt = null;
    }

    /**
     * Says which run the following steps belong to; {@link #start} keeps it, so it is set before.
     *
     * @param phase the run
     */
    public synchronized void phase(Phase phase) {
        this.phase = phase;
    }

    /**
     * Records steps done.
     *
     * @param step  steps done so far
     * @param epoch current epoch
     */
    public synchronized void step(long step, int epoch) {
        this.step = step;
        this.epoch = epoch;
    }

    /**
     * Adds a point to the loss curve.
     *
     * @param averageLoss the average loss over the last {@code lossEvery} steps
     */
    public synchronized void loss(double averageLoss) {
        this.loss = averageLoss;
        this.lossCurve.add(averageLoss);
    }

    /**
     * Records a sample guess.
     *
     * @param guess the guess
     */
    public synchronized void guess(SampleGuess guess) {
        recent.addLast(guess);
        while (recent.size() > RECENT_GUESSES) {
            recent.removeFirst();
        }
    }

    /**
     * Records the validation accuracy after an epoch.
     *
     * @param accuracy validation top-1
     */
    public synchronized void validation(double accuracy) {
        this.validationAccuracy = accuracy;
    }

    /** Marks the run finished (successfully or not). */
    public synchronized void finish() {
        running = false;
        finishedAt = Instant.now();
    }

    /**
     * A consistent copy of the progress.
     *
     * @return the snapshot
     */
    public synchronized Snapshot snapshot() {
        Duration elapsed = startedAt == null ? Duration.ZERO
                : Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now());
        Duration eta = null;
        if (running && step > 0 && totalSteps > step) {
            eta = elapsed.multipliedBy(totalSteps - step).dividedBy(step);
        } else if (!running && startedAt != null) {
            eta = Duration.ZERO;
        }
        return new Snapshot(running, step, totalSteps, epoch, loss, validationAccuracy, lossEvery,
                List.copyOf(lossCurve), List.copyOf(recent), startedAt, elapsed, eta, phase);
    }
}
