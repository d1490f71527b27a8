package io.github.nameorigin.training;

import java.time.Instant;
import java.util.List;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.model.ValidationMetrics;

/**
 * Body of {@code GET /training/status}.
 *
 * @param state         LOADING, TRAINING, READY or FAILED
 * @param source        where the live model came from: {@code checkpoint} or {@code training}
 * @param failure       why the state is FAILED (or why the last attempt failed), else null
 * @param progress      steps and time of the current or last training run, null when none ran
 * @param loss          the latest average training loss
 * @param lossEvery     training steps per loss-curve point
 * @param lossCurve     average loss per {@code lossEvery} steps
 * @param validation    the live model's validation figures, else the latest epoch's top-1
 * @param recentGuesses latest sample guesses during training
 * @param model         summary of the live model, null before one is ready
 * @param loadFailure   why the last checkpoint refused at load was refused (a changed file, a
 *                      model that no longer gives its saved probabilities), else null
 * @param saveFailure   why the last trained model could not be saved (it is then served but lost
 *                      at the next restart), else null
 */
public record TrainingStatus(ModelState state, String source, String failure, Progress progress, Double loss,
        Integer lossEvery, List<Double> lossCurve, Validation validation,
        List<TrainingMonitor.SampleGuess> recentGuesses, ModelSummary model, String loadFailure,
        String saveFailure) {

    /**
     * Training progress.
     *
     * @param step           steps done
     * @param total          steps planned
     * @param epoch          current epoch
     * @param percent        share done, 0 to 100
     * @param elapsedSeconds time since start
     * @param etaSeconds     estimated time left in this phase, null when unknown
     * @param phase          {@code TRAINING}, or {@code REFIT} when training again on all names
     *                       after validation (step, epoch and time then count from its start)
     */
    public record Progress(long step, long total, int epoch, double percent, double elapsedSeconds,
            Double etaSeconds, TrainingMonitor.Phase phase) {

        /**
         * The progress of a run.
         *
         * @param run the monitor's snapshot
         * @return the progress, or null when no run started
         */
        public static Progress of(TrainingMonitor.Snapshot run) {
            return run.startedAt() == null ? null : new Progress(run.step(), run.totalSteps(), run.epoch(),
                    Math.round(run.percent() * 10) / 10.0, run.elapsed().toMillis() / 1000.0,
                    run.eta() == null ? null : run.eta().toMillis() / 1000.0, run.phase());
        }
    }

    /**
     * Validation figures: complete for a finished model, top-1 only during training.
     *
     * @param top1    validation top-1
     * @param top3    validation top-3, or null
     * @param macroF1 validation macro-F1, or null
     * @param ece     calibration error after temperature scaling, or null
     * @param names   validation names, or null
     */
    public record Validation(double top1, Double top3, Double macroF1, Double ece, Integer names) {

        static Validation of(ValidationMetrics metrics) {
            return new Validation(metrics.top1(), metrics.top3(), metrics.macroF1(), metrics.ece(), metrics.names());
        }
    }

    /**
     * The live model.
     *
     * @param architecture    gru, lstm or elman
     * @param hiddenSize      recurrent width
     * @param bidirectional   whether it also reads names backwards
     * @param origins         the origins it tells apart
     * @param created         when its checkpoint was made
     * @param trainingSeconds how long it trained
     * @param temperature     its calibration temperature
     * @param refit           how it was trained again on all names after validation (the
     *                        validation figures are then the validated network's), or null
     */
    public record ModelSummary(String architecture, int hiddenSize, boolean bidirectional, List<String> origins,
            Instant created, double trainingSeconds, float temperature, CheckpointMetadata.Refit refit) {
    }
}
