package org.ev3cortex.sim.viewer;

import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ev3cortex.sim.record.BadRecordingException;
import org.ev3cortex.sim.record.McapReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code view --connect ws://HOST:PORT} shows any agent's live telemetry (the brick through
 * {@code deploy view}, a simulator or a laptop started with {@code --telemetry}); {@code view
 * FILE.mcap} replays a recording with play, pause, step and seek.
 */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Show an agent's live telemetry (--connect ws://HOST:PORT) or replay a recording (FILE.mcap) in the desktop viewer.")
public final class ViewCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;

    static final class Source {
        @Option(names = "--connect", paramLabel = "URL", description = "A telemetry server, e.g. ws://127.0.0.1:8765.")
        URI connect;

        @Parameters(index = "0", paramLabel = "FILE.mcap", arity = "0..1", description = "A recording (--record).")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--at", paramLabel = "FRACTION", defaultValue = "0",
            description = "A recording: start at this fraction 0..1 of it (default: its first tick).")
    double at;

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "Write the window as a PNG after a second, then close it.")
    Path screenshot;

    @Override
    public Integer call() throws Exception {
        if (source.connect != null && !"ws".equals(source.connect.getScheme())) {
            System.err.println("--connect needs a ws:// URL, got " + source.connect);
            return EXIT_BAD_INPUT;
        }
        TelemetryModel model = new TelemetryModel();
        McapReader.Recording rec = null;
        if (source.file != null) {
            try {
                rec = McapReader.read(source.file);
            } catch (BadRecordingException e) {
                System.err.println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("view needs a display" + (source.connect != null
                    ? "; Foxglove Studio can open " + source.connect + " (Open connection, Foxglove WebSocket)"
                    : "; Foxglove Studio opens " + source.file + " too"));
            return EXIT_BAD_INPUT;
        }
        if (rec != null) {
            ReplayController replay = new ReplayController(rec, model);
            if (at > 0) replay.seek(at); else replay.step();
            RemoteViewer.showReplay(source.file.getFileName().toString(), replay, model, screenshot);
            return 0;
        }
        try (TelemetryClient client = new TelemetryClient(source.connect, model).start()) {
            RemoteViewer.showLive(client, model, screenshot);
        }
        return 0;
    }
}
