package org.ev3cortex.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config files and re-reads them when their bytes change. A valid new snapshot is
 * handed to {@code target} (the tick loop, which swaps it in between two ticks); an invalid one,
 * or one that changes a restart-only key, is logged in full and the old config keeps running.
 *
 * <p>It polls contents rather than using a {@code WatchService}: editors replace files by rename,
 * bind mounts and SFTP uploads often raise no inotify event, and a few small files once a second
 * cost nothing even on the brick.
 */
public final class ConfigReloader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    private final ConfigLoader loader;
    private final List<Path> files;
    private final List<ConfigOverride> overrides;
    private final Consumer<Config> target;
    private final Consumer<ReloadVerdict> verdicts;
    private final byte[][] lastBytes;
    private volatile Config current;
    private Thread thread;
    private volatile boolean running;

    /**
     * @param current  the config now running; a new snapshot is compared with it
     * @param target   receives each accepted snapshot (typically {@code TickLoop::submitConfig})
     * @param verdicts receives every verdict, accepted or not
     */
    public ConfigReloader(ConfigLoader loader, Config current, List<ConfigOverride> overrides,
                          Consumer<Config> target, Consumer<ReloadVerdict> verdicts) {
        this.loader = loader;
        this.files = current.files();
        this.overrides = List.copyOf(overrides);
        this.target = target;
        this.verdicts = verdicts;
        this.current = current;
        this.lastBytes = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            lastBytes[i] = readOrNull(files.get(i));
        }
    }

    /** Starts polling every {@code pollMs} on a daemon thread. Idempotent. */
    public synchronized void start(long pollMs) {
        if (running || files.isEmpty()) return;
        running = true;
        thread = new Thread(new Runnable() {
            @Override
            public void run() {
            while (running) {
                try {
                    Thread.sleep(pollMs);
                    checkNow();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.error("config reload failed unexpectedly; the old config keeps running", e);
                }
            }
            }
        }, "config-reload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Checks the files once, now. Returns null when no file changed; otherwise the verdict (also
     * sent to the verdict listener).
     */
    public synchronized ReloadVerdict checkNow() {
        boolean changed = false;
        for (int i = 0; i < files.size(); i++) {
            byte[] now = readOrNull(files.get(i));
            if (!Arrays.equals(now, lastBytes[i])) {
                lastBytes[i] = now;
                changed = true;
            }
        }
        if (!changed) return null;

        ReloadVerdict verdict;
        try {
            Config next = loader.load(files, overrides);
            List<Key<?>> changedKeys = next.changedKeys(current);
            List<String> restart = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (Key<?> k : changedKeys) {
                String line = next.origin(k) + ": " + k.name() + ": " + k.format(current.get(k)) + " -> "
                        + k.format(next.get(k));
                if (k.restartOnly()) {
                    restart.add(line + " (restart-only: restart the agent to change it)");
                } else {
                    lines.add(line);
                }
            }
            if (!restart.isEmpty()) {
                verdict = new ReloadVerdict(ReloadVerdict.Status.RESTART_REQUIRED, restart, -1);
                log.warn("config reload needs a restart; the old config keeps running:{}", joined(restart));
            } else if (changedKeys.isEmpty()) {
                verdict = new ReloadVerdict(ReloadVerdict.Status.UNCHANGED, List.of(), -1);
            } else {
                current = next;
                verdict = new ReloadVerdict(ReloadVerdict.Status.ACCEPTED, lines, -1);
                log.info("config reload accepted, to apply at the next tick:{}", joined(lines));
                target.accept(next);
            }
        } catch (ConfigException e) {
            List<String> lines = new ArrayList<>();
            for (ConfigError err : e.errors()) lines.add(err.toString());
            verdict = new ReloadVerdict(ReloadVerdict.Status.REJECTED, lines, -1);
            log.error("config reload rejected; the old config keeps running. {}", e.getMessage());
        }
        verdicts.accept(verdict);
        return verdict;
    }

    private static String joined(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(System.lineSeparator()).append("  ").append(l);
        return sb.toString();
    }

    private static byte[] readOrNull(Path p) {
        try {
            return BoundedRead.read(p, BoundedRead.CONFIG_LIMIT);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }
}
