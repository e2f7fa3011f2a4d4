package org.ev3cortex.deploy;

import com.jcraft.jsch.SftpProgressMonitor;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar for an upload: bytes, rate and time left, redrawn at most 10 times a second. */
final class Progress implements SftpProgressMonitor {
    private final PrintStream out;
    private final String name;
    private final long total;
    private long done;
    private long startNanos;
    private long lastDrawNanos;
    private volatile boolean cancelled;

    Progress(PrintStream out, String name, long total) {
        this.out = out;
        this.name = name;
        this.total = total;
    }

    @Override
    public void init(int op, String src, String dest, long max) {
        startNanos = System.nanoTime();
        draw(false);
    }

    @Override
    public boolean count(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - lastDrawNanos > 100_000_000L) draw(false);
        return !cancelled;
    }

    @Override
    public void end() {
        draw(true);
    }

    void cancel() {
        cancelled = true;
    }

    long bytes() {
        return done;
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void draw(boolean last) {
        lastDrawNanos = System.nanoTime();
        double secs = Math.max(1e-6, (lastDrawNanos - startNanos) / 1e9);
        double rate = done / secs;
        int width = 24;
        int filled = total <= 0 ? width : (int) Math.min(width, width * done / total);
        String bar = "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "");
        String eta = rate > 0 && total > done ? String.format(Locale.ROOT, "ETA %ds", (long) Math.ceil((total - done) / rate)) : "";
        out.print(String.format(Locale.ROOT, "\r  %-28s [%s] %s / %s  %s/s  %s   ", trim(name), bar, human(done), human(total),
                human((long) rate), last ? String.format(Locale.ROOT, "%.1fs", secs) : eta));
        if (last) out.println();
        out.flush();
    }

    private static String trim(String s) {
        return s.length() <= 28 ? s : "..." + s.substring(s.length() - 25);
    }

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024));
    }
}
