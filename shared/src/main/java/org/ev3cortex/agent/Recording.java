package org.ev3cortex.agent;

import java.io.IOException;
import java.nio.file.Path;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ReloadVerdict;
import org.ev3cortex.record.Recorder;
import org.ev3cortex.record.TelemetryServer;

/**
 * Wires a {@link Recorder} to a built agent ({@code --record FILE.mcap}): the tick's data, the
 * loop's timings, the behaviour, and the config and verdict as they change. The caller closes the
 * recorder after the loop has ended and before the agent closes.
 */
public final class Recording {
    private Recording() {}

    /** Where to record: {@code --record FILE} if given, else {@code record.file}; null for no recording. */
    public static Path target(Path option, Config config) {
        if (option != null) return option;
        String f = config.get(org.ev3cortex.status.StatusKeys.RECORD_FILE).trim();
        return f.isEmpty() ? null : java.nio.file.Paths.get(f);
    }

    /** Opens {@code file} and adds the recorder as a tick observer; throws when it cannot be written. */
    public static Recorder start(final Agent agent, Path file) throws IOException {
        return start(agent, file, null);
    }

    /**
     * Records to {@code file} (null: none) and, when {@code telemetry.port} is set, serves the same
     * messages as live telemetry on 127.0.0.1 (a {@link TelemetryServer}, stopped when the recorder
     * closes). Null when neither is asked for. Throws when the file cannot be written or the port
     * cannot be bound. A method of its own, so that the brick loads no telemetry class without it.
     */
    public static Recorder startWithTelemetry(Agent agent, Path file) throws Exception {
        Config config = agent.loop().config();
        int port = config.get(org.ev3cortex.status.StatusKeys.TELEMETRY_PORT);
        if (port == 0) return file == null ? null : start(agent, file, null);
        TelemetryServer server = new TelemetryServer(port, config.get(org.ev3cortex.status.StatusKeys.TELEMETRY_KBPS) * 1000L);
        try {
            server.open();
        } catch (Exception e) {
            throw new java.io.IOException("cannot serve telemetry on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        try {
            return start(agent, file, server);
        } catch (java.io.IOException | RuntimeException e) {
            server.closed();
            throw e;
        }
    }

    /** Records to {@code file} (null: none) and hands every message to {@code tap} (null: none). */
    public static Recorder start(final Agent agent, Path file, Recorder.Tap tap) throws IOException {
        final TickLoop loop = agent.loop();
        Config config = loop.config();
        // An anonymous class, not a lambda, on the brick's start-up path (see Schema.Rule).
        Recorder.Sources sources = new Recorder.Sources() {
            @Override public Config config() { return loop.config(); }
            @Override public ReloadVerdict verdict() { return agent.lastVerdict(); }
        };
        Recorder r = new Recorder(file, tap, config, agent.body(), loop.snapshot(), loop.data().percepts(), loop.stats(),
                agent.selection(), agent.sheet(), sources);
        loop.addObserver(r);
        return r;
    }
}
