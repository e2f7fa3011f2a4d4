package org.ev3cortex.status;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/**
 * Keys of what a running agent publishes: the status file for {@code deploy status} and
 * {@code deploy tune}, and the MCAP recording ({@code record.*}, see org.ev3cortex.record). The
 * recorder's keys live here, in a class the agent loads anyway, so that an agent that does not
 * record loads not one class more before its first tick than before recording existed (the
 * brick counts them). Recording defaults fit the brick (about 1 MB per minute, frames being the
 * big part); {@code sim run --record} records every stream on every tick unless these are set, so
 * that its recordings replay. A stream recorded every {@code n} ticks is recorded on the ticks
 * divisible by {@code n}; 0 turns it off.
 */
public final class StatusKeys {
    private StatusKeys() {}

    public static final Key<String> FILE = Key.stringKey("status.file", "")
            .restartOnly().allowEmpty()
            .doc("Where the agent publishes its state (pid, uptime, ticks, tick rate, last error, last reload verdict)"
                    + " as a properties file, replaced atomically; empty turns it off. The deploy launcher sets it to"
                    + " <remote dir>/run/status.properties.");
    public static final Key<Integer> INTERVAL_MS = Key.intKey("status.intervalMs", 1_000)
            .unit("ms").range(100, 60_000).restartOnly()
            .doc("How often the status file is rewritten (from a background thread, never from the tick).");

    public static final Key<String> RECORD_FILE = Key.stringKey("record.file", "").allowEmpty().restartOnly()
            .doc("Record to this MCAP file, as --record FILE does (the option wins); empty = no recording. Each"
                    + " start overwrites it. For the brick under deploy, which starts the jar without options.");
    public static final Key<Integer> RECORD_CAMERA_EVERY = Key.intKey("record.camera.everyTicks", 100)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record the camera frame (channel /camera, foxglove.RawImage) every n ticks; 0 = never.");
    public static final Key<Integer> RECORD_AUDIO_EVERY = Key.intKey("record.audio.everyTicks", 10)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record the microphone window (channel /audio) every n ticks; 0 = never.");
    public static final Key<Integer> RECORD_STATE_EVERY = Key.intKey("record.state.everyTicks", 2)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record motors, touch, battery and host stats (/body), the issued commands (/commands),"
                    + " per-area surprise (/surprise) and the behaviour (/behaviour) every n ticks; 0 = never.");
    public static final Key<Integer> RECORD_TIMINGS_EVERY = Key.intKey("record.timings.everyTicks", 10)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record the stage timings (/timings) every n ticks; 0 = never.");
    public static final Key<Integer> RECORD_SHEET_EVERY = Key.intKey("record.sheet.everyTicks", 10)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record the sheet's prediction and error maps (/sheet/prediction, /sheet/error; foxglove.RawImage,"
                    + " 32FC1) every n ticks; 0 = never.");
    public static final Key<Integer> RECORD_SHEET_DOWNSAMPLE = Key.intKey("record.sheet.downsample", 4)
            .unit("cells").range(1, 64).restartOnly()
            .doc("Each recorded sheet map cell is the mean of an n x n block of the sheet (cortex.width x"
                    + " cortex.height); 1 = every unit.");
    public static final Key<Integer> TELEMETRY_PORT = Key.intKey("telemetry.port", 0)
            .range(0, 65_535).restartOnly()
            .doc("Serve live telemetry (Foxglove WebSocket protocol, the recording's channels and record.* rates) on"
                    + " ws://127.0.0.1:PORT; 0 = off. Only the loopback address: reach it through an SSH forward"
                    + " (deploy view).");
    public static final Key<Integer> TELEMETRY_KBPS = Key.intKey("telemetry.kbps", 300)
            .unit("kB/s").range(1, 1_000_000).restartOnly()
            .doc("Bandwidth per telemetry client; what does not fit, or finds the client's socket still busy, is"
                    + " dropped for that client and counted.");
    public static final Key<Integer> RECORD_FLUSH_MS = Key.intKey("record.flushMs", 500)
            .unit("ms").range(20, 1_000).restartOnly()
            .doc("Close the open chunk and hand it to the OS at least this often (wall clock), so a kill -9"
                    + " loses at most this much.");
    public static final Key<Integer> RECORD_CHUNK_KB = Key.intKey("record.chunkKb", 256)
            .unit("KiB").range(4, 65_536).restartOnly()
            .doc("Close a chunk early once its messages reach this size.");
    public static final Key<Integer> RECORD_ROTATE_MB = Key.intKey("record.rotateMb", 256)
            .unit("MiB").range(1, 1_000_000).restartOnly()
            .doc("Start a new file (NAME-1.mcap, NAME-2.mcap, ...) once the current one reaches this size.");
    public static final Key<Integer> RECORD_QUEUE_TICKS = Key.intKey("record.queueTicks", 16)
            .unit("ticks").range(2, 4_096).restartOnly()
            .doc("Ticks the recorder can hold for its writer thread; when all are in use a tick is dropped"
                    + " (counted and logged) or waited for, as record.whenBehind says. Each holds a frame.");
    public static final Key<String> RECORD_WHEN_BEHIND = Key.choiceKey("record.whenBehind", "drop", "drop", "wait")
            .restartOnly()
            .doc("When the writer is behind: drop the tick's record (the robot never waits for a disk), or wait"
                    + " (the simulator, whose clock waits too, so that every tick is recorded).");

    /** The rates {@code sim run --record} sets to every tick when the user left them at their defaults. */
    public static final List<Key<Integer>> RECORD_RATES = List.of(RECORD_CAMERA_EVERY, RECORD_AUDIO_EVERY,
            RECORD_STATE_EVERY, RECORD_TIMINGS_EVERY, RECORD_SHEET_EVERY);

    public static final List<Key<?>> ALL = List.of(FILE, INTERVAL_MS, RECORD_FILE, RECORD_CAMERA_EVERY,
            RECORD_AUDIO_EVERY, RECORD_STATE_EVERY, RECORD_TIMINGS_EVERY, RECORD_SHEET_EVERY, RECORD_SHEET_DOWNSAMPLE, RECORD_FLUSH_MS,
            RECORD_CHUNK_KB, RECORD_ROTATE_MB, RECORD_QUEUE_TICKS, RECORD_WHEN_BEHIND, TELEMETRY_PORT, TELEMETRY_KBPS);

    public static final List<Schema.Rule> RULES = List.of();
}
