package io.github.nameorigin.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.nameorigin.model.ModelVersion;
import io.github.nameorigin.model.ValidationMetrics;
import io.github.nameorigin.model.VersionStatus;
import io.github.nameorigin.training.TrainingStatus;

/**
 * A model version as the management API shows it.
 *
 * @param id         the version id
 * @param createdAt  when it was created
 * @param source     {@code bundled}, {@code trained} or {@code imported}
 * @param status     TRAINING, CANDIDATE, ACTIVE, RETIRED, REJECTED or FAILED
 * @param reason     why it is REJECTED or FAILED
 * @param validation its validation figures
 * @param gate       the promotion gate's comparison with the model that was active
 * @param recipe     the training overrides it was trained with
 * @param progress   training progress, while it trains in this replica
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VersionView(String id, Instant createdAt, String source, VersionStatus status, String reason,
        ValidationMetrics validation, ModelVersion.GateResult gate, Map<String, Object> recipe,
        TrainingStatus.Progress progress) {

    static VersionView of(ModelVersion version, TrainingStatus.Progress progress) {
        return new VersionView(version.id(), version.createdAt(), version.source(), version.status(), version.reason(),
                version.validation(), version.gate(), version.recipe(), progress);
    }

    /**
     * Body of {@code GET /models}.
     *
     * @param active the active version's id, or null
     * @param models every version, oldest first
     */
    record Listing(String active, List<VersionView> models) {
    }

    /**
     * Optional body of {@code POST /models}: changes to the configured recipe.
     *
     * @param epochs passes over the training names (1 to 1000)
     * @param seed   seed of the split, initialisation and shuffling
     */
    record TrainRequest(Integer epochs, Long seed) {
    }
}
