package org.ev3cortex.sim.record;

import java.io.IOException;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.agent.Recording;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Origin;
import org.ev3cortex.status.StatusKeys;
import org.ev3cortex.record.Recorder;

/**
 * {@code --record} on the desktop: the record.* rates the user left at their (brick) defaults
 * record every stream on every tick, and the simulator waits for the writer rather than drop a
 * tick, so that the file replays bit for bit. They are added as overrides, so hot reload keeps them.
 */
public final class RecordDefaults {
    private RecordDefaults() {}

    /** The config with the desktop's recording defaults; null after printing errors. */
    public static Config apply(Config config, AgentOptions options, ConfigLoader loader) {
        boolean changed = false;
        for (Key<Integer> k : StatusKeys.RECORD_RATES) {
            if (config.origin(k).equals(Origin.DEFAULT)) {
                options.overrides.add(0, new ConfigOverride(k.name(), "1", "--record"));
                changed = true;
            }
        }
        if (config.origin(StatusKeys.RECORD_WHEN_BEHIND).equals(Origin.DEFAULT)) {
            options.overrides.add(0, new ConfigOverride(StatusKeys.RECORD_WHEN_BEHIND.name(), "wait", "--record"));
            changed = true;
        }
        return changed ? options.loadOrReport(loader, System.err) : config;
    }

    /** Starts recording to {@code file} (nothing when null); prints one line and fails when it cannot. */
    public static Handle start(Agent agent, java.nio.file.Path file) {
        return start(agent, file, null);
    }

    /** Records to {@code file} and/or feeds {@code tap} (live telemetry); nothing when both are null. */
    public static Handle start(Agent agent, java.nio.file.Path file, Recorder.Tap tap) {
        if (file == null && tap == null) return new Handle(null, false);
        try {
            return new Handle(Recording.start(agent, file, tap), false);
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot record to " + file + ": " + describe(e));
            return new Handle(null, true);
        }
    }

    static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such directory";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null) {
            return ((java.nio.file.FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The recorder of a run, closed (file finished) before the agent closes. */
    public static final class Handle implements AutoCloseable {
        private final Recorder recorder;
        private final boolean failed;

        Handle(Recorder recorder, boolean failed) {
            this.recorder = recorder;
            this.failed = failed;
        }

        public boolean failed() { return failed; }
        public Recorder recorder() { return recorder; }

        @Override
        public void close() {
            if (recorder != null && !recorder.files().isEmpty()) {
                recorder.close();
                System.out.printf("  recorded %d tick(s), %d message(s), %d byte(s) to %s%s%n", recorder.ticksWritten(),
                        recorder.messages(), recorder.bytes(), recorder.files(),
                        recorder.dropped() > 0 ? ", " + recorder.dropped() + " tick(s) dropped" : "");
            } else if (recorder != null) {
                recorder.close();
            }
        }
    }
}
