package io.github.nameorigin.scoring;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how a scoring run goes: on a terminal a bar redrawn in place (names done, names/s, time
 * left), otherwise a plain line every few seconds, so a log stays readable. The share done comes
 * from the bytes of the input read so far, which needs no first pass to count the rows.
 */
final class ScoreProgress {

    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long lastShown;

    /**
     * @param out        where to show it
     * @param terminal   whether {@code out} is a terminal (a bar) or not (lines)
     * @param totalBytes the input's size, or a non-positive value when unknown (no share, no ETA)
     * @param bytesRead  bytes of the input read so far
     */
    ScoreProgress(PrintStream out, boolean terminal, long totalBytes, LongSupplier bytesRead) {
        this.out = out;
        this.terminal = terminal;
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
        this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
    }

    /** Called with the rows finished so far; shows at most once per interval. */
    synchronized void update(long names) {
        long now = System.nanoTime();
        if (now - lastShown < intervalNanos) {
            return;
        }
        lastShown = now;
        show(names, now, false);
    }

    /** Shows the final figures. */
    synchronized void finish(long names) {
        show(names, System.nanoTime(), true);
    }

    private void show(long names, long now, boolean last) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = names / seconds;
        double share = last ? 1 : totalBytes > 0 ? Math.min(1, (double) bytesRead.getAsLong() / totalBytes) : -1;
        String eta = share > 0 && share < 1 ? formatSeconds(seconds * (1 - share) / share) : last ? "0 s" : "?";
        if (terminal) {
            int filled = share < 0 ? 0 : (int) Math.round(share * BAR);
            out.print(String.format(Locale.ROOT, "\r[%s%s] %s %,d names  %,.0f names/s  %s left   ",
                    "#".repeat(filled), "-".repeat(BAR - filled), share < 0 ? "" : Math.round(share * 100) + "%",
                    names, rate, eta));
            if (last) {
                out.println();
            }
        } else {
            out.println(String.format(Locale.ROOT, "score: %,d names%s, %,.0f names/s, %s left", names,
                    share < 0 ? "" : " (" + Math.round(share * 100) + "%)", rate, eta));
        }
        out.flush();
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
}
