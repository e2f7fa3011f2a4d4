package org.ev3cortex.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.LoopState;
import org.ev3cortex.seam.LoopStats;
import org.ev3cortex.config.ReloadVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a running agent's state as a small properties file for {@code deploy status} and
 * {@code deploy tune}: state, pid, uptime, ticks, tick rate, start-up time to the first tick, the
 * last error and the last reload verdict with a sequence number (so a caller can wait for a
 * verdict newer than its upload).
 *
 * <p>A daemon thread rewrites the file every {@code status.intervalMs}; the tick path is never
 * involved (it only reads the loop's volatile counters). Each write goes to a temporary file that
 * is then renamed over the old one, so a reader never sees half a file. Writing is best effort: a
 * full disk is logged once and never disturbs the loop.
 *
 * <p>Keys of the file (all values are strings; times are epoch milliseconds):
 * {@code state} (starting, running, stopped, faulted), {@code pid}, {@code startedAtMs},
 * {@code updatedAtMs}, {@code uptimeMs}, {@code ticks}, {@code tickRateHz}, {@code overruns},
 * {@code startupMs} (process start to first tick, -1 before it), {@code motors} (running, or
 * stopped once the loop has ended and stopped them), {@code lastError}, {@code verdict.seq},
 * {@code verdict.status}, {@code verdict.tick}, {@code verdict.lines}, {@code verdict.line.N}.
 */
public final class StatusFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusFile.class);
    /** Before the first tick the thread looks this often, to time the start-up precisely. */
    private static final long FIRST_TICK_POLL_MS = 5;

    private final Path file;
    private final Path temp;
    private final long intervalMs;
    private final LoopStats stats;
    private long pid = -1; // looked up by the writer: ProcessHandle's set-up loads ~30 classes
    private long startedAtMs = -1; // found by the writer thread, after the first tick

    private final Object lock = new Object();
    private long verdictSeq;
    private ReloadVerdict verdict;
    private List<String> acceptedLines = Collections.emptyList();
    private volatile long firstTickAtMs = -1;
    private volatile String endState;
    private volatile String lastError = "";
    private long lastTicks;
    private long lastRateAtMs;
    private double tickRateHz;
    private boolean warned;
    private Thread thread;
    private volatile boolean running;

    private StatusFile(Path file, long intervalMs, LoopStats stats) {
        this.file = file;
        this.temp = file == null ? null : file.resolveSibling(file.getFileName() + ".tmp");
        this.intervalMs = intervalMs;
        this.stats = stats;
    }

    /** The status file for this config; one that does nothing when {@code status.file} is empty. */
    public static StatusFile forConfig(Config config, LoopStats stats) {
        String name = config.get(StatusKeys.FILE);
        Path p = name.isEmpty() ? null : Paths.get(name).toAbsolutePath();
        return new StatusFile(p, config.get(StatusKeys.INTERVAL_MS), stats);
    }

    public boolean enabled() {
        return file != null;
    }

    /** Records a hot-reload verdict; it is published with the next write. Any thread. */
    public void verdict(ReloadVerdict v) {
        synchronized (lock) {
            // APPLIED carries no lines of its own: keep the changes its ACCEPTED listed.
            if (v.status() == ReloadVerdict.Status.ACCEPTED) acceptedLines = v.lines();
            verdictSeq++;
            verdict = v;
        }
    }

    /** Starts the writer thread. Idempotent. */
    public synchronized void start() {
        if (file == null || running) return;
        running = true;
        // Nothing is written before the first tick: the process-start lookup and the file I/O
        // would load classes while the brick is still starting. An anonymous class, not a lambda, on the brick's start-up path (see Schema.Rule).
        thread = new Thread(new Runnable() {
            @Override
            public void run() {
                loop();
            }
        }, "status-file");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long nextWrite = System.currentTimeMillis() + intervalMs;
        while (running) {
            try {
                long now = System.currentTimeMillis();
                if (firstTickAtMs < 0) {
                    if (stats.ticks() > 0) {
                        firstTickAtMs = now;
                        write();
                        nextWrite = now + intervalMs;
                        continue;
                    }
                    Thread.sleep(FIRST_TICK_POLL_MS);
                    continue;
                }
                if (now >= nextWrite) {
                    write();
                    nextWrite = now + intervalMs;
                }
                Thread.sleep(Math.max(1, nextWrite - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The loop has ended and stopped the motors: publish it at once, from the calling thread, so
     * that {@code deploy stop} can see the motors are stopped before the JVM exits.
     */
    public void ended(LoopState end, Throwable failure) {
        if (failure != null) lastError = failure.toString();
        endState = end == LoopState.FAULTED ? "faulted" : "stopped";
        stopThread();
        write();
    }

    /** Records an error worth showing in {@code deploy status}. Any thread. */
    public void error(String message) {
        lastError = message == null ? "" : message;
    }

    private synchronized void write() {
        if (file == null) return;
        if (startedAtMs < 0) {
            pid = ProcessHandle.current().pid();
            java.util.Optional<java.time.Instant> started = ProcessHandle.current().info().startInstant();
            startedAtMs = started.isPresent() ? started.get().toEpochMilli() : System.currentTimeMillis();
        }
        long now = System.currentTimeMillis();
        long ticks = stats.ticks();
        if (lastRateAtMs > 0 && now > lastRateAtMs) {
            tickRateHz = (ticks - lastTicks) * 1000.0 / (now - lastRateAtMs);
        }
        lastTicks = ticks;
        lastRateAtMs = now;

        String state = endState != null ? endState : ticks > 0 ? "running" : "starting";
        StringBuilder sb = new StringBuilder(512);
        sb.append("# ev3cortex agent status, rewritten every ").append(intervalMs).append(" ms\n");
        put(sb, "state", state);
        put(sb, "pid", Long.toString(pid));
        put(sb, "startedAtMs", Long.toString(startedAtMs));
        put(sb, "updatedAtMs", Long.toString(now));
        put(sb, "uptimeMs", Long.toString(now - startedAtMs));
        put(sb, "ticks", Long.toString(ticks));
        put(sb, "tickRateHz", String.format(Locale.ROOT, "%.2f", endState != null ? 0.0 : tickRateHz));
        put(sb, "overruns", Long.toString(stats.overruns()));
        long first = firstTickAtMs;
        put(sb, "startupMs", Long.toString(first < 0 ? -1 : first - startedAtMs));
        put(sb, "motors", endState != null ? "stopped" : "running");
        put(sb, "lastError", lastError);
        synchronized (lock) {
            put(sb, "verdict.seq", Long.toString(verdictSeq));
            if (verdict != null) {
                List<String> lines = verdict.status() == ReloadVerdict.Status.APPLIED ? acceptedLines : verdict.lines();
                put(sb, "verdict.status", verdict.status().name());
                put(sb, "verdict.tick", Long.toString(verdict.tick()));
                put(sb, "verdict.lines", Integer.toString(lines.size()));
                for (int i = 0; i < lines.size(); i++) put(sb, "verdict.line." + i, lines.get(i));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(temp, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            warned = false;
        } catch (IOException e) {
            if (!warned) log.warn("cannot write the status file {}: {}", file, e.toString());
            warned = true;
        }
    }

    /** Appends one {@code key=value} line in {@link java.util.Properties} syntax (ASCII, escaped). */
    private static void put(StringBuilder sb, String key, String value) {
        sb.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e || (i == 0 && c == ' ')) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('\n');
    }

    private synchronized void stopThread() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    /** Stops the writer; the file stays with its last content. */
    @Override
    public void close() {
        stopThread();
    }
}
