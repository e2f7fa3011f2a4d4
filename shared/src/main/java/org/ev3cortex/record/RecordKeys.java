package org.ev3cortex.record;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/**
 * Keys of the MCAP recorder ({@code --record FILE.mcap}). The defaults fit the brick (about
 * 1 MB per minute, frames being the big part); {@code sim run --record} records every stream on
 * every tick unless these are set, so that its recordings replay. A stream recorded every
 * {@code n} ticks is recorded on the ticks divisible by {@code n}; 0 turns it off.
 */
public final class RecordKeys {
    private RecordKeys() {}

    public static final Key<String> FILE = Key.stringKey("record.file", "").allowEmpty().restartOnly()
            .doc("Record to this MCAP file, as --record FILE does (the option wins); empty = no recording. Each"
                    + " start overwrites it. For the brick under deploy, which starts the jar without options.");
    public static final Key<Integer> CAMERA_EVERY = Key.intKey("record.camera.everyTicks", 100)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record the camera frame (channel /camera, foxglove.RawImage) every n ticks; 0 = never.");
    public static final Key<Integer> AUDIO_EVERY = Key.intKey("record.audio.everyTicks", 10)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record the microphone window (channel /audio) every n ticks; 0 = never.");
    public static final Key<Integer> STATE_EVERY = Key.intKey("record.state.everyTicks", 2)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record motors, touch, battery and host stats (/body), the issued commands (/commands),"
                    + " per-area surprise (/surprise) and the behaviour (/behaviour) every n ticks; 0 = never.");
    public static final Key<Integer> TIMINGS_EVERY = Key.intKey("record.timings.everyTicks", 10)
            .unit("ticks").range(0, 1_000_000).restartOnly()
            .doc("Record the stage timings (/timings) every n ticks; 0 = never.");
    public static final Key<Integer> FLUSH_MS = Key.intKey("record.flushMs", 500)
            .unit("ms").range(20, 1_000).restartOnly()
            .doc("Close the open chunk and hand it to the OS at least this often (wall clock), so a kill -9"
                    + " loses at most this much.");
    public static final Key<Integer> CHUNK_KB = Key.intKey("record.chunkKb", 256)
            .unit("KiB").range(4, 65_536).restartOnly()
            .doc("Close a chunk early once its messages reach this size.");
    public static final Key<Integer> ROTATE_MB = Key.intKey("record.rotateMb", 256)
            .unit("MiB").range(1, 1_000_000).restartOnly()
            .doc("Start a new file (NAME-1.mcap, NAME-2.mcap, ...) once the current one reaches this size.");
    public static final Key<Integer> QUEUE_TICKS = Key.intKey("record.queueTicks", 16)
            .unit("ticks").range(2, 4_096).restartOnly()
            .doc("Ticks the recorder can hold for its writer thread; when all are in use a tick is dropped"
                    + " (counted and logged) or waited for, as record.whenBehind says. Each holds a frame.");
    public static final Key<String> WHEN_BEHIND = Key.choiceKey("record.whenBehind", "drop", "drop", "wait")
            .restartOnly()
            .doc("When the writer is behind: drop the tick's record (the robot never waits for a disk), or wait"
                    + " (the simulator, whose clock waits too, so that every tick is recorded).");

    public static final List<Key<?>> ALL = List.of(FILE, CAMERA_EVERY, AUDIO_EVERY, STATE_EVERY, TIMINGS_EVERY, FLUSH_MS,
            CHUNK_KB, ROTATE_MB, QUEUE_TICKS, WHEN_BEHIND);

    /** The rates {@code sim run --record} sets to every tick when the user left them at their defaults. */
    public static final List<Key<Integer>> RATES = List.of(CAMERA_EVERY, AUDIO_EVERY, STATE_EVERY, TIMINGS_EVERY);

    public static final List<Schema.Rule> RULES = List.of();
}
