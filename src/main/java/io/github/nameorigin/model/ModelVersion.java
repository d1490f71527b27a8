package io.github.nameorigin.model;

import java.time.Instant;
import java.util.Map;

/**
 * One version of the model store, as its {@code version.json} records it.
 *
 * @param id         sorts by creation and ends with the source, such as
 *                   {@code 20261205T071500Z-trained}
 * @param createdAt  when the version was created
 * @param source     {@code bundled}, {@code trained} or {@code imported}
 * @param status     where it stands
 * @param reason     why it is REJECTED or FAILED, else null
 * @param validation validation figures of its checkpoint, null while training
 * @param gate       the promotion gate's comparison with the model active when it was trained,
 *                   null when there was none
 * @param recipe     what it was trained with beyond the configuration ({@code epochs}, {@code seed}), or null
 */
public record ModelVersion(String id, Instant createdAt, String source, VersionStatus status, String reason,
        ValidationMetrics validation, GateResult gate, Map<String, Object> recipe) {

    /**
     * The same version with another status.
     *
     * @param newStatus the status
     * @param newReason why, or null
     * @return the changed copy
     */
    public ModelVersion with(VersionStatus newStatus, String newReason) {
        return new ModelVersion(id, createdAt, source, newStatus, newReason, validation, gate, recipe);
    }

    /**
     * The promotion gate's verdict: both models scored on the same validation names.
     *
     * @param names         how many names
     * @param candidateTop1 the new version's top-1
     * @param activeTop1    the active model's top-1
     * @param candidateEce  the new version's expected calibration error
     * @param activeEce     the active model's
     * @param activeVersion which version was active
     * @param passed        whether neither figure was worse by more than the tolerance
     * @param basis         what the figures were measured on
     */
    public record GateResult(int names, double candidateTop1, double activeTop1, double candidateEce,
            double activeEce, String activeVersion, boolean passed, String basis) {
    }
}
