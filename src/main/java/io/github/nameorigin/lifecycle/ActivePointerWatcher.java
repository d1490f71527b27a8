package io.github.nameorigin.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.github.nameorigin.model.ModelActivator;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.model.ModelStore;
import io.github.nameorigin.system.NameOriginProperties;

/**
 * Follows the store's {@code active} pointer: every {@code nameorigin.lifecycle.watch-interval}
 * (a read of a small file) it compares the pointer with the served version and activates the one
 * the pointer names, so that an activation through any replica reaches every replica sharing the
 * store. A version that fails to load is reported once and not retried until the pointer moves;
 * the served model stays. Polling rather than a WatchService: inotify does not see changes made
 * by another host (or container) on a shared volume.
 *
 * <p>It also keeps {@code nameorigin.model.version} (an info gauge: value 1, tagged with the
 * served version) current.
 */
@Component
class ActivePointerWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActivePointerWatcher.class);

    private final ModelStore store;
    private final ModelRegistry registry;
    private final ModelActivator activator;
    private final NameOriginProperties.Lifecycle config;
    private final MultiGauge versionGauge;
    private ScheduledExecutorService executor;
    private String refused;
    private String shown;

    ActivePointerWatcher(ModelStore store, ModelRegistry registry, ModelActivator activator,
            NameOriginProperties properties, MeterRegistry meters) {
        this.store = store;
        this.registry = registry;
        this.activator = activator;
        this.config = properties.lifecycle();
        this.versionGauge = MultiGauge.builder("nameorigin.model.version")
                .description("The served model version (value 1, tagged with its id)").register(meters);
    }

    /** One look at the pointer; package-private for tests. */
    void check() {
        try {
            String served = registry.version().orElse(null);
            showVersion(served);
            String pointer = store.active().orElse(null);
            if (pointer == null || pointer.equals(served) || pointer.equals(refused)) {
                return;
            }
            if (registry.state() == ModelState.LOADING) {
                return;
            }
            try {
                activator.activate(pointer, false);
                refused = null;
                log.info("Following the store's active pointer: now serving {}", pointer);
            } catch (Exception e) {
                refused = pointer;
                log.error("The store's active pointer names {}, which cannot be served ({}); {} keeps serving",
                        pointer, e.getMessage(), served);
            }
            showVersion(registry.version().orElse(null));
        } catch (RuntimeException e) {
            log.warn("Could not read the model store's active pointer: {}", e.toString());
        }
    }

    private void showVersion(String version) {
        if (!Objects.equals(version, shown)) {
            versionGauge.register(version == null ? List.of()
                    : List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
            shown = version;
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "model-pointer-watch");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, config.watchInterval().toMillis());
        executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
