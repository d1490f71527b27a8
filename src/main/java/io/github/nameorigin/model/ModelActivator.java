package io.github.nameorigin.model;

import java.io.IOException;
import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts store versions into service: loads a version's checkpoint with all its checks, swaps it
 * into the {@link ModelRegistry}, and (for an activation, not for a replica following the pointer)
 * moves the store's {@code active} pointer. A version that does not load is never swapped in: the
 * served model stays, and the version is marked FAILED with the cause. One activation at a time.
 */
@Component
public class ModelActivator {

    private static final Logger log = LoggerFactory.getLogger(ModelActivator.class);

    private final ModelStore store;
    private final ModelRegistry registry;
    private final CheckpointHealth health;
    private final CheckpointStore checkpoints = new CheckpointStore();

    /**
     * Creates the activator.
     *
     * @param store    the model store
     * @param registry where the served model lives
     * @param health   where refused loads are reported
     */
    public ModelActivator(ModelStore store, ModelRegistry registry, CheckpointHealth health) {
        this.store = store;
        this.registry = registry;
        this.health = health;
    }

    /**
     * Serves a version.
     *
     * @param id           the version
     * @param movePointer  whether to point {@code active} at it (false when following the pointer
     *                     another replica moved)
     * @return the version, now ACTIVE
     * @throws NoSuchElementException when there is no such version
     * @throws IllegalStateException  when it is still training
     * @throws CheckpointException    when its checkpoint does not load or fails its checks
     * @throws IOException            when the pointer cannot be written (the served model is unchanged)
     */
    public synchronized ModelVersion activate(String id, boolean movePointer) throws CheckpointException, IOException {
        ModelVersion version = store.find(id).orElseThrow(() -> new NoSuchElementException("No model version " + id));
        if (version.status() == VersionStatus.TRAINING) {
            throw new IllegalStateException("Version " + id + " is still training");
        }
        String previous = registry.version().orElse(null);
        if (id.equals(previous) && registry.state() == ModelState.READY) {
            if (movePointer) {
                store.setActive(id);
            }
            return store.find(id).orElse(version);
        }
        LoadedModel model = load(version);
        if (movePointer) {
            try {
                store.setActive(id);
            } catch (IOException e) {
                model.close();
                throw e;
            }
        }
        registry.install(model, id);
        health.loaded();
        if (movePointer) {
            store.write(version.with(VersionStatus.ACTIVE, null));
            if (previous != null && !previous.equals(id)) {
                store.find(previous).filter(v -> v.status() == VersionStatus.RETIRED)
                        .ifPresent(v -> rewrite(v.with(VersionStatus.RETIRED, null)));
            }
        }
        log.info("Activated model version {} (was {})", id, previous);
        return store.find(id).orElse(version);
    }

    /**
     * Loads a version and closes it again: proves that it would activate.
     *
     * @param id the version
     * @throws CheckpointException when it does not load or fails its checks (it is then FAILED)
     */
    public void check(String id) throws CheckpointException {
        ModelVersion version = store.find(id).orElseThrow(() -> new NoSuchElementException("No model version " + id));
        load(version).close();
    }

    private LoadedModel load(ModelVersion version) throws CheckpointException {
        try {
            return checkpoints.load(store.checkpointDir(version.id()));
        } catch (CheckpointException e) {
            String reason = "Version " + version.id() + " cannot be served: " + e.getMessage();
            log.error(reason);
            health.loadFailed(reason);
            rewrite(version.with(VersionStatus.FAILED, e.getMessage()));
            throw e;
        }
    }

    private void rewrite(ModelVersion version) {
        try {
            store.write(version);
        } catch (IOException e) {
            log.warn("Could not record the status of version {}: {}", version.id(), e.toString());
        }
    }
}
