package io.github.nameorigin.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import ai.djl.pytorch.jni.JniUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread a training runs on while the service serves: one PyTorch intra-op thread, and on
 * Linux a higher nice value, so that request threads get the cores first. Java's own thread
 * priorities do nothing on Linux without root, so the thread renices itself ({@code renice} on
 * its own thread id, which an unprivileged process may do to lower its priority).
 */
final class TrainingThreads {

    private static final Logger log = LoggerFactory.getLogger(TrainingThreads.class);

    private TrainingThreads() {
    }

    /**
     * Threads for a training executor.
     *
     * @param name the thread name
     * @return the factory
     */
    static ThreadFactory factory(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
    }

    /**
     * Limits the calling thread: one PyTorch intra-op thread and the given nice value.
     *
     * @param nice 0 (unchanged) to 19 (lowest priority)
     */
    static void limitCurrentThread(int nice) {
        JniUtils.setNumThreads(1);
        if (nice <= 0) {
            return;
        }
        Path self = Path.of("/proc/thread-self");
        if (!Files.exists(self)) {
            return;
        }
        try {
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).start();
            renice.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                log.info("Training thread {} runs at nice {}", tid, nice);
            } else {
                log.warn("Could not lower the training thread's priority (renice failed)");
            }
        } catch (IOException e) {
            log.warn("Could not lower the training thread's priority: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
