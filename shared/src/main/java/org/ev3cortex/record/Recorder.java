package org.ev3cortex.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.ev3cortex.body.Body;
import org.ev3cortex.body.Camera;
import org.ev3cortex.body.Microphone;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.ReloadVerdict;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.ganglia.ActionSelection;
import org.ev3cortex.ganglia.Behaviour;
import org.ev3cortex.ganglia.SwitchLog;
import org.ev3cortex.status.StatusKeys;
import org.ev3cortex.seam.LoopStats;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.OpCount;
import org.ev3cortex.seam.Percepts;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.TickObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every tick to MCAP ({@code --record FILE.mcap}). On the tick thread it only copies the
 * tick into a free slot of a preallocated ring (no allocation, no I/O, no lock); a writer thread
 * encodes the slots as JSON messages, writes them in chunks, flushes at least every
 * {@code record.flushMs} and rotates files at {@code record.rotateMb}. When every slot is in use
 * the tick is dropped, counted and logged (or, with {@code record.whenBehind=wait}, the tick
 * waits). A write error (a full disk) stops the recording with one log line; the agent goes on.
 *
 * <p>Channels and their JSON layout: docs/observability.md. {@link #FORMAT} changes when a layout
 * changes incompatibly; replay refuses other versions.
 */
public final class Recorder implements TickObserver, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);
    /** The recording format's version, in the {@code ev3cortex} metadata record. */
    public static final String FORMAT = "1";
    public static final String LIBRARY = "ev3cortex recorder " + FORMAT;

    /** What the recorder reads from the composition root besides the tick's data. */
    public interface Sources {
        /** The config the loop runs with now. */
        Config config();

        /** The latest hot-reload verdict, or null. */
        ReloadVerdict verdict();
    }

    /**
     * A second consumer of the encoded messages (live telemetry), called on the writer thread. It
     * must not block: a slow consumer drops, it never holds the writer up.
     */
    public interface Tap {
        /** The channels, once, before any message; a channel's id is its index. */
        void channels(List<String> topics, List<String> schemaNames, List<String> schemas);

        /** One message; {@code data} is valid only during the call. */
        void message(int channel, long logTimeNanos, byte[] data, int off, int len);

        /** The recorder has closed: no message follows. */
        default void closed() {}
    }

    private final Path first;
    private final Tap tap;
    private final List<String> topics = new ArrayList<>();
    private final List<String> schemaNames = new ArrayList<>();
    private final List<String> schemaTexts = new ArrayList<>();
    private final Sources sources;
    private final Percepts percepts;
    private final LoopStats stats;
    private final ActionSelection selection;
    private final SwitchLog switches;
    private final String[] epochs;
    private final boolean hasCamera;
    private final boolean hasAudio;
    private final int cameraEvery;
    private final int audioEvery;
    private final int stateEvery;
    private final int timingsEvery;
    private final int sheetEvery;
    private final Sheet sheet;
    private final int sheetW;
    private final int sheetH;
    private final int[] unitBlock; // the downsampled cell of each predicting unit
    private final float[] blockScale; // 1 / the sheet cells in each downsampled cell
    private final boolean waitWhenBehind;
    private final long flushNanos;
    private final int chunkBytes;
    private final long rotateBytes;
    private final int width;
    private final int height;
    private final int step;
    private final String encoding;
    private final int sampleRate;
    private final int micChannels;
    private final long wallBaseNanos = System.currentTimeMillis() * 1_000_000L;

    private final TickRecord[] ring;
    private volatile long head; // slots published by the tick thread
    private volatile long tail; // slots released by the writer
    private volatile boolean closing;
    private volatile boolean failed;
    private volatile long dropped;
    private final Thread writerThread;

    // Tick thread only.
    private long firstNanos = Long.MIN_VALUE;
    private Config lastConfig;
    private ReloadVerdict lastVerdict;
    private long switchesSeen;

    // Writer thread only.
    private McapWriter writer;
    private final JsonOut json = new JsonOut();
    private byte[] audioBytes = new byte[0];
    private float[] sheetMap = new float[0];
    private byte[] sheetBytes = new byte[0];
    private byte[] lastConfigMessage;
    private long lastConfigTime;
    private int chCamera;
    private int chAudio;
    private int chBody;
    private int chCommands;
    private int chSurprise;
    private int chBehaviour;
    private int chTimings;
    private int chPrediction;
    private int chError;
    private int chConfig;
    private int part;
    private volatile long ticksWritten;
    private volatile long messages;
    private volatile long bytesFinished;
    private final List<Path> files = new ArrayList<>();

    /**
     * Opens {@code file} (an unwritable path throws here, before the agent starts) and starts the
     * writer thread.
     */
    public Recorder(Path file, Config config, Body body, Snapshot shape, Percepts percepts, LoopStats stats,
                    ActionSelection selection, Sheet sheet, Sources sources) throws IOException {
        this(file, null, config, body, shape, percepts, stats, selection, sheet, sources);
    }

    /**
     * Records to {@code file} (null: none) and hands every message to {@code tap} (null: none).
     * {@code sheet} null records no sheet maps.
     */
    public Recorder(Path file, Tap tap, Config config, Body body, Snapshot shape, Percepts percepts, LoopStats stats,
                    ActionSelection selection, Sheet sheet, Sources sources) throws IOException {
        this.first = file;
        this.tap = tap;
        this.sources = sources;
        this.percepts = percepts;
        this.stats = stats;
        this.selection = selection;
        this.switches = selection.switches();
        this.epochs = stats.epochNames().toArray(new String[0]);
        Camera cam = body.camera();
        Microphone mic = body.microphone();
        this.hasCamera = cam != null && shape.frame.length > 0;
        this.hasAudio = mic != null && shape.audio.length > 0;
        this.width = cam == null ? 0 : cam.width();
        this.height = cam == null ? 0 : cam.height();
        this.step = cam == null || cam.height() == 0 ? 0 : cam.frameBytes() / cam.height();
        this.encoding = cam == null ? "" : foxgloveEncoding(cam.format().name());
        this.sampleRate = mic == null ? 0 : mic.sampleRateHz();
        this.micChannels = mic == null ? 0 : mic.channels();
        this.cameraEvery = config.get(StatusKeys.RECORD_CAMERA_EVERY);
        this.audioEvery = config.get(StatusKeys.RECORD_AUDIO_EVERY);
        this.stateEvery = config.get(StatusKeys.RECORD_STATE_EVERY);
        this.timingsEvery = config.get(StatusKeys.RECORD_TIMINGS_EVERY);
        this.sheet = sheet;
        this.sheetEvery = sheet == null ? 0 : config.get(StatusKeys.RECORD_SHEET_EVERY);
        int ds = config.get(StatusKeys.RECORD_SHEET_DOWNSAMPLE);
        int units = sheet == null ? 0 : sheet.units();
        this.sheetW = sheet == null ? 0 : (sheet.width() + ds - 1) / ds;
        this.sheetH = sheet == null ? 0 : (sheet.height() + ds - 1) / ds;
        this.unitBlock = new int[units];
        this.blockScale = new float[sheetW * sheetH];
        if (sheet != null) {
            for (int i = 0; i < units; i++) {
                int c = sheet.cell(i);
                unitBlock[i] = (c / sheet.width() / ds) * sheetW + (c % sheet.width()) / ds;
            }
            for (int by = 0; by < sheetH; by++) {
                for (int bx = 0; bx < sheetW; bx++) {
                    int cw = Math.min(ds, sheet.width() - bx * ds);
                    int ch = Math.min(ds, sheet.height() - by * ds);
                    blockScale[by * sheetW + bx] = 1f / (cw * ch);
                }
            }
        }
        this.waitWhenBehind = config.get(StatusKeys.RECORD_WHEN_BEHIND).equals("wait");
        this.flushNanos = config.get(StatusKeys.RECORD_FLUSH_MS) * 1_000_000L;
        this.chunkBytes = config.get(StatusKeys.RECORD_CHUNK_KB) * 1024;
        this.rotateBytes = config.get(StatusKeys.RECORD_ROTATE_MB) * 1024L * 1024L;
        int n = config.get(StatusKeys.RECORD_QUEUE_TICKS);
        ring = new TickRecord[n];
        for (int i = 0; i < n; i++) {
            ring[i] = new TickRecord(hasCamera ? shape.frame.length : 0, hasAudio ? shape.audio.length : 0,
                    shape.motors.count(), shape.touch.length, shape.stats.length, Region.count(), epochs.length,
                    sheetEvery > 0 ? units : 0);
        }
        if (file != null) {
            writer = new McapWriter(file, LIBRARY);
            files.add(file);
        }
        defineChannels(body, config, shape); // written by the writer thread's first flush
        if (tap != null) tap.channels(topics, schemaNames, schemaTexts);
        writerThread = new Thread(new Runnable() {
            @Override
            public void run() {
                writeLoop();
            }
        }, "recorder");
        writerThread.setDaemon(true);
        writerThread.setPriority(Thread.MIN_PRIORITY);
        writerThread.start();
        log.info("recording to {} (camera every {} ticks, audio every {}, state every {}, timings every {}, sheet every {})",
                file == null ? "telemetry only" : file, cameraEvery, audioEvery, stateEvery, timingsEvery, sheetEvery);
    }

    private static String foxgloveEncoding(String pixelFormat) {
        switch (pixelFormat) {
            case "YUYV": return "yuyv";
            case "RGB24": return "rgb8";
            case "GRAY8": return "mono8";
            default: return pixelFormat.toLowerCase(java.util.Locale.ROOT);
        }
    }

    // ---------------------------------------------------------------- the tick thread

    @Override
    public void afterTick(long tick, Snapshot s, MotorCommands commands) {
        if (failed || closing) return;
        boolean cam = hasCamera && every(tick, cameraEvery);
        boolean aud = hasAudio && every(tick, audioEvery);
        boolean st = every(tick, stateEvery);
        boolean tim = every(tick, timingsEvery);
        boolean sh = every(tick, sheetEvery);
        Config c = sources.config();
        ReloadVerdict v = sources.verdict();
        boolean cfg = c != lastConfig || v != lastVerdict;
        if (!(cam || aud || st || tim || sh || cfg)) return;
        if (head - tail >= ring.length) {
            if (!waitWhenBehind) {
                dropped++; // single writer: the tick thread
                return;
            }
            while (head - tail >= ring.length) {
                if (failed || closing) return;
                LockSupport.parkNanos(50_000);
            }
        }
        TickRecord r = ring[(int) (head % ring.length)];
        if (firstNanos == Long.MIN_VALUE) firstNanos = s.nanos;
        r.tick = tick;
        r.nanos = s.nanos;
        r.logTime = wallBaseNanos + (s.nanos - firstNanos);
        r.wallMs = System.currentTimeMillis();
        r.camera = cam;
        r.audio = aud;
        r.state = st;
        r.timings = tim;
        r.config = cfg;
        r.sheet = sh;
        if (sh) {
            System.arraycopy(sheet.prediction(), 0, r.prediction, 0, r.prediction.length);
            System.arraycopy(sheet.error(), 0, r.error, 0, r.error.length);
        }
        if (cam) {
            System.arraycopy(s.frame, 0, r.frame, 0, r.frame.length);
            r.frameSequence = s.frameReading.sequence;
            r.frameCaptureNanos = s.frameReading.captureNanos;
            r.frameState = s.frameReading.state;
        }
        if (aud) {
            System.arraycopy(s.audio, 0, r.samples, 0, r.samples.length);
            r.audioSequence = s.audioReading.sequence;
            r.audioCaptureNanos = s.audioReading.captureNanos;
            r.audioState = s.audioReading.state;
        }
        if (st) {
            int m = r.position.length;
            System.arraycopy(s.motors.positionCounts, 0, r.position, 0, m);
            System.arraycopy(s.motors.speedCountsPerSec, 0, r.speed, 0, m);
            System.arraycopy(s.motors.flags, 0, r.flags, 0, m);
            System.arraycopy(s.touch, 0, r.touch, 0, r.touch.length);
            r.batteryV = s.batteryV;
            r.batteryA = s.batteryA;
            System.arraycopy(s.stats, 0, r.stats, 0, r.stats.length);
            r.statsSequence = s.statsReading.sequence;
            r.statsCaptureNanos = s.statsReading.captureNanos;
            r.statsState = s.statsReading.state;
            for (int i = 0; i < m; i++) {
                r.issuedMode[i] = commands.issuedMode(i);
                r.issuedSpeed[i] = commands.issuedSpeed(i);
                r.issuedTick[i] = commands.issuedTick(i);
            }
            for (int a = 0; a < r.surprise.length; a++) r.surprise[a] = percepts.surprise(Region.at(a));
            r.active = selection.active().ordinal();
            long count = switches.count();
            long from = Math.max(switchesSeen, Math.max(0, count - Math.min(switches.capacity(), TickRecord.SWITCHES)));
            int k = 0;
            long firstKept = count - switches.kept();
            for (long i = from; i < count; i++, k++) {
                int kept = (int) (i - firstKept); // SwitchLog indexes the switches it keeps, oldest 0
                r.switchTick[k] = switches.tick(kept);
                r.switchFrom[k] = switches.from(kept).ordinal();
                r.switchTo[k] = switches.to(kept).ordinal();
                r.switchReason[k] = switches.reason(kept).ordinal();
                r.switchSalienceFrom[k] = switches.salienceFrom(kept);
                r.switchSalienceTo[k] = switches.salienceTo(kept);
            }
            r.newSwitches = k;
            r.switchCount = count;
            switchesSeen = count;
        }
        if (tim) {
            for (int e = 0; e < epochs.length; e++) r.epochNanos[e] = stats.lastEpochNanos(e);
            r.tickNanos = stats.lastTickNanos();
            r.overruns = stats.overruns();
        }
        r.dropped = dropped;
        r.configValue = c;
        r.configChanged = c != lastConfig;
        r.verdict = v;
        lastConfig = c;
        lastVerdict = v;
        head = head + 1; // publishes the slot
    }

    private static boolean every(long tick, int n) {
        return n > 0 && tick % n == 0;
    }

    // ---------------------------------------------------------------- the writer thread

    private void writeLoop() {
        long chunkOpened = 0;
        long loggedDrops = 0;
        long lastDropLog = 0;
        try {
            if (writer != null) writer.flush(); // the header, schemas, channels and metadata
            while (true) {
                long h = head;
                if (tail < h) {
                    TickRecord r = ring[(int) (tail % ring.length)];
                    boolean empty = writer == null || writer.chunkBytes() == 0;
                    encode(r);
                    r.configValue = null;
                    r.verdict = null;
                    tail = tail + 1;
                    ticksWritten++;
                    if (empty && writer != null && writer.chunkBytes() > 0) chunkOpened = System.nanoTime();
                } else if (closing) {
                    break;
                } else {
                    LockSupport.parkNanos(2_000_000);
                }
                long now = System.nanoTime();
                if (writer != null && (writer.chunkBytes() >= chunkBytes
                        || writer.chunkBytes() > 0 && now - chunkOpened >= flushNanos)) {
                    writer.flush();
                    if (writer.size() >= rotateBytes) rotate();
                }
                long d = dropped;
                if (d > loggedDrops && now - lastDropLog >= 10_000_000_000L) {
                    log.warn("recorder behind: {} tick(s) dropped so far, the writer is slower than the data"
                            + " (record.queueTicks={}, {})", d, ring.length, first);
                    loggedDrops = d;
                    lastDropLog = now;
                }
            }
            if (writer != null) {
                writer.finish();
                bytesFinished += writer.size();
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            if (writer != null) writer.close();
            log.error("recording stopped: cannot write {} ({}); {} tick(s) recorded; the agent goes on",
                    writer == null ? "telemetry" : writer.path(), e.getMessage() == null ? e.toString() : e.getMessage(), ticksWritten);
        }
    }

    private void rotate() throws IOException {
        long size = writer.size();
        Path next = partPath(first, ++part);
        writer = writer.rotateTo(next);
        bytesFinished += size;
        files.add(next);
        if (lastConfigMessage != null) {
            writer.message(chConfig, lastConfigTime, lastConfigMessage, 0, lastConfigMessage.length);
        }
        log.info("recording rotated to {}", next);
    }

    /** {@code run.mcap} part 2 is {@code run-2.mcap}. */
    public static Path partPath(Path first, int part) {
        String name = first.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return first.resolveSibling(stem + "-" + part + ext);
    }

    private void put(int channel, long logTime) {
        if (writer != null) writer.message(channel, logTime, json.b.a, 0, json.b.n);
        if (tap != null) tap.message(channel, logTime, json.b.a, 0, json.b.n);
        messages++;
    }

    private void encode(TickRecord r) {
        long t = r.logTime;
        if (r.config) {
            JsonOut j = json.reset().open().timestamp(t).key("tick").value(r.tick);
            ReloadVerdict v = r.verdict;
            j.key("status").value(v == null ? "START" : v.status().name());
            j.key("verdict_tick").value(v == null ? r.tick : v.tick());
            j.key("lines").openArray();
            if (v != null) for (String l : v.lines()) j.value(l);
            j.closeArray();
            j.key("config_changed").value(r.configChanged);
            if (r.configChanged) {
                j.key("values").open();
                Config c = r.configValue;
                for (Key<?> k : c.schema().keys()) j.key(k.name()).value(k.format(c.get(k)));
                j.close();
            }
            j.close();
            put(chConfig, t);
            if (r.configChanged) {
                lastConfigMessage = java.util.Arrays.copyOf(json.b.a, json.b.n);
                lastConfigTime = t;
            }
        }
        if (r.camera) {
            JsonOut j = json.reset().open().timestamp(t).key("frame_id").value("camera")
                    .key("width").value(width).key("height").value(height).key("encoding").value(encoding)
                    .key("step").value(step).key("tick").value(r.tick).key("sequence").value(r.frameSequence)
                    .key("capture_nanos").value(r.frameCaptureNanos).key("state").value(r.frameState.name())
                    .key("data").base64(r.frame, 0, r.frame.length);
            j.close();
            put(chCamera, t);
        }
        if (r.audio) {
            short[] s = r.samples;
            if (audioBytes.length != s.length * 2) audioBytes = new byte[s.length * 2];
            for (int i = 0; i < s.length; i++) {
                audioBytes[2 * i] = (byte) s[i];
                audioBytes[2 * i + 1] = (byte) (s[i] >> 8);
            }
            json.reset().open().timestamp(t).key("tick").value(r.tick).key("sample_rate_hz").value(sampleRate)
                    .key("channels").value(micChannels).key("frames").value(micChannels == 0 ? 0 : s.length / micChannels)
                    .key("sequence").value(r.audioSequence).key("capture_nanos").value(r.audioCaptureNanos)
                    .key("state").value(r.audioState.name())
                    .key("data").base64(audioBytes, 0, audioBytes.length).close();
            put(chAudio, t);
        }
        if (r.state) {
            JsonOut j = json.reset().open().timestamp(t).key("tick").value(r.tick).key("nanos").value(r.nanos);
            ints(j.key("position_counts"), r.position);
            ints(j.key("speed_counts_per_sec"), r.speed);
            ints(j.key("flags"), r.flags);
            j.key("touch").openArray();
            for (boolean b : r.touch) j.value(b);
            j.closeArray();
            j.key("battery_v").value(r.batteryV).key("battery_a").value(r.batteryA);
            j.key("stats").openArray();
            for (double d : r.stats) j.value(d);
            j.closeArray();
            j.key("stats_sequence").value(r.statsSequence).key("stats_capture_nanos").value(r.statsCaptureNanos)
                    .key("stats_state").value(r.statsState.name());
            j.close();
            put(chBody, t);

            j = json.reset().open().timestamp(t).key("tick").value(r.tick);
            ints(j.key("mode"), r.issuedMode);
            ints(j.key("speed_counts_per_sec"), r.issuedSpeed);
            j.key("issued_tick").openArray();
            for (long x : r.issuedTick) j.value(x);
            j.closeArray().close();
            put(chCommands, t);

            j = json.reset().open().timestamp(t).key("tick").value(r.tick);
            for (int a = 0; a < r.surprise.length; a++) j.key(Region.at(a).name()).value((double) r.surprise[a]);
            j.close();
            put(chSurprise, t);

            Behaviour[] all = Behaviour.values();
            SwitchLog.Reason[] reasons = SwitchLog.Reason.values();
            j = json.reset().open().timestamp(t).key("tick").value(r.tick).key("active").value(all[r.active].name())
                    .key("active_index").value(r.active).key("switch_count").value(r.switchCount);
            j.key("switches").openArray();
            for (int k = 0; k < r.newSwitches; k++) {
                j.open().key("tick").value(r.switchTick[k]).key("from").value(all[r.switchFrom[k]].name())
                        .key("to").value(all[r.switchTo[k]].name()).key("reason").value(reasons[r.switchReason[k]].name())
                        .key("salience_from").value(r.switchSalienceFrom[k]).key("salience_to").value(r.switchSalienceTo[k])
                        .close();
            }
            j.closeArray().close();
            put(chBehaviour, t);
        }
        if (r.timings) {
            JsonOut j = json.reset().open().timestamp(t).key("tick").value(r.tick).key("wall_ms").value(r.wallMs)
                    .key("tick_ms").value(r.tickNanos / 1e6);
            j.key("epochs_ms").open();
            for (int e = 0; e < epochs.length; e++) j.key(epochs[e]).value(r.epochNanos[e] / 1e6);
            j.close();
            j.key("overruns").value(r.overruns).key("recorder_dropped").value(r.dropped).close();
            put(chTimings, t);
        }
        if (r.sheet) {
            sheetImage(r, r.prediction, chPrediction, "sheet_prediction");
            sheetImage(r, r.error, chError, "sheet_error");
        }
    }

    /**
     * One sheet map as a foxglove.RawImage, encoding {@code 32FC1} (float32 little-endian): each
     * cell the mean of its block of the sheet, cells without a predicting unit counting as 0 (as
     * the viewer's map shows them). Float bits, not text: on the brick formatting a float is a
     * soft-float routine, copying its bits is not.
     */
    private void sheetImage(TickRecord r, float[] units, int channel, String frameId) {
        int cells = sheetW * sheetH;
        if (sheetMap.length != cells) {
            sheetMap = new float[cells];
            sheetBytes = new byte[cells * 4];
        }
        java.util.Arrays.fill(sheetMap, 0f);
        for (int i = 0; i < units.length; i++) sheetMap[unitBlock[i]] += units[i];
        for (int k = 0; k < cells; k++) {
            int bits = Float.floatToRawIntBits(sheetMap[k] * blockScale[k]);
            sheetBytes[4 * k] = (byte) bits;
            sheetBytes[4 * k + 1] = (byte) (bits >> 8);
            sheetBytes[4 * k + 2] = (byte) (bits >> 16);
            sheetBytes[4 * k + 3] = (byte) (bits >> 24);
        }
        long t = r.logTime;
        json.reset().open().timestamp(t).key("frame_id").value(frameId)
                .key("width").value(sheetW).key("height").value(sheetH).key("encoding").value("32FC1")
                .key("step").value(sheetW * 4).key("tick").value(r.tick)
                .key("data").base64(sheetBytes, 0, sheetBytes.length).close();
        put(channel, t);
    }

    private static void ints(JsonOut j, int[] v) {
        j.openArray();
        for (int x : v) j.value(x);
        j.closeArray();
    }

    // ---------------------------------------------------------------- the brick budget

    /**
     * Bytes in the file of a /body, /commands, /surprise and /behaviour message set, of a /timings
     * message, and of a frame, audio or map message besides its base64 payload (measured on a
     * simulator recording: 1,090, 430 and 200 to 264 bytes of JSON, plus about 31 of MCAP record
     * each; rounded up).
     */
    static final int STATE_BYTES = 1_220, TIMINGS_BYTES = 470, MESSAGE_BYTES = 300;
    /** Double operations to write one double as text (Double.toString's FloatingDecimal; an estimate). */
    static final int DOPS_PER_DOUBLE = 40;

    /**
     * What recording at {@code c}'s rates costs per tick on average, both threads together (the
     * brick has one core), for {@code --print-budget}: the copy into the ring (tick thread), and on
     * the writer thread the sheet maps' block means, base64 of the frame, audio and maps, the
     * doubles written as text, two CRC-32s over every output byte (about 8 int operations a byte
     * with the table), and the output copied twice (into the chunk, to the OS). With
     * {@code telemetry} the output is copied twice more (a WebSocket frame, the socket). Message
     * sizes other than the payloads are the {@link #STATE_BYTES} constants.
     */
    public static void countOps(Config c, boolean telemetry, OpCount into) {
        int frame = org.ev3cortex.body.BodyKeys.cameraFormat(c).frameBytes(
                c.get(org.ev3cortex.body.BodyKeys.CAMERA_WIDTH), c.get(org.ev3cortex.body.BodyKeys.CAMERA_HEIGHT));
        int samples = c.get(org.ev3cortex.body.BodyKeys.MIC_WINDOW_FRAMES) * c.get(org.ev3cortex.body.BodyKeys.MIC_CHANNELS);
        int motors = org.ev3cortex.body.BodyKeys.motorPorts(c).length;
        org.ev3cortex.cortex.Layout layout = org.ev3cortex.cortex.Layout.from(c);
        int units = layout.predictingUnits();
        int ds = c.get(StatusKeys.RECORD_SHEET_DOWNSAMPLE);
        int cells = ((layout.width() + ds - 1) / ds) * ((layout.height() + ds - 1) / ds);
        OpCount per = new OpCount();
        long out = 0;
        int cam = c.get(StatusKeys.RECORD_CAMERA_EVERY);
        if (cam > 0) {
            per.clear();
            per.bytes += 2L * frame; // the copy
            per.iop += 7L * frame; // base64: 28 int operations per 3 bytes, table loads included
            out += scale(per, into, cam, (frame + 2) / 3 * 4 + MESSAGE_BYTES);
        }
        int aud = c.get(StatusKeys.RECORD_AUDIO_EVERY);
        if (aud > 0) {
            per.clear();
            per.bytes += 2L * 2 * samples + 2L * samples; // the copy, then to little-endian bytes
            per.iop += 4L * samples + 7L * 2 * samples;
            out += scale(per, into, aud, (2 * samples + 2) / 3 * 4 + MESSAGE_BYTES);
        }
        int st = c.get(StatusKeys.RECORD_STATE_EVERY);
        if (st > 0) {
            per.clear();
            per.bytes += 4L * (6 * motors + 16) * 2; // the copies
            int doubles = 7 + Region.count() + 2 * TickRecord.SWITCHES / 4;
            per.dop += (long) doubles * DOPS_PER_DOUBLE;
            per.iop += (long) doubles * 100 + 4L * motors * 60; // digits and the ints' text
            out += scale(per, into, st, STATE_BYTES);
        }
        int tim = c.get(StatusKeys.RECORD_TIMINGS_EVERY);
        if (tim > 0) {
            per.clear();
            int doubles = 12;
            per.dop += (long) doubles * (DOPS_PER_DOUBLE + 1);
            per.iop += (long) doubles * 100;
            out += scale(per, into, tim, TIMINGS_BYTES);
        }
        int sh = c.get(StatusKeys.RECORD_SHEET_EVERY);
        if (sh > 0) {
            per.clear();
            per.bytes += 2L * 2 * 4 * units + 2L * 4 * cells * 2; // the copies, the maps
            per.fadd += 2L * units;
            per.fmul += 2L * cells;
            per.iop += 2L * (units + 8 * cells) + 7L * 2 * 4 * cells;
            out += scale(per, into, sh, 2 * ((4 * cells + 2) / 3 * 4 + MESSAGE_BYTES));
        }
        into.iop += 8 * 2 * out;
        into.bytes += (telemetry ? 4 : 2) * out;
    }

    /** Adds {@code per / every} to {@code into}; returns the output bytes per tick. */
    private static long scale(OpCount per, OpCount into, int every, int outBytes) {
        into.fadd += per.fadd / every;
        into.fmul += per.fmul / every;
        into.dop += per.dop / every;
        into.iop += per.iop / every;
        into.bytes += per.bytes / every;
        return outBytes / every;
    }

    // ---------------------------------------------------------------- definitions

    private void defineChannels(Body body, Config config, Snapshot shape) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("body", body.describe());
        meta.put("period_ms", String.valueOf(config.get(org.ev3cortex.seam.LoopKeys.PERIOD_MS)));
        meta.put("motors", String.valueOf(body.motors().count()));
        StringBuilder ports = new StringBuilder();
        StringBuilder max = new StringBuilder();
        StringBuilder cpr = new StringBuilder();
        for (int i = 0; i < body.motors().count(); i++) {
            String sep = i == 0 ? "" : ",";
            ports.append(sep).append(body.motors().port(i));
            max.append(sep).append(body.motors().maxSpeedCountsPerSec(i));
            cpr.append(sep).append(body.motors().countsPerRotation(i));
        }
        meta.put("motor_ports", ports.toString());
        meta.put("motor_max_speed", max.toString());
        meta.put("motor_counts_per_rotation", cpr.toString());
        StringBuilder touch = new StringBuilder();
        for (int i = 0; i < body.touch().count(); i++) touch.append(i == 0 ? "" : ",").append(body.touch().port(i));
        meta.put("touch_ports", touch.toString());
        Camera cam = body.camera();
        meta.put("camera", cam == null ? "" : cam.width() + "x" + cam.height() + " " + cam.format().name());
        Microphone mic = body.microphone();
        meta.put("microphone", mic == null ? "" : mic.sampleRateHz() + " Hz x" + mic.channels());
        meta.put("audio_samples", String.valueOf(shape.audio.length));
        meta.put("system_stats", String.valueOf(body.systemStats() != null));
        meta.put("epochs", String.join(",", epochs));
        StringBuilder areas = new StringBuilder();
        for (int a = 0; a < Region.count(); a++) areas.append(a == 0 ? "" : ",").append(Region.at(a).name());
        meta.put("areas", areas.toString());
        for (Key<Integer> k : StatusKeys.RECORD_RATES) meta.put(k.name(), String.valueOf(config.get(k)));
        meta.put(StatusKeys.RECORD_WHEN_BEHIND.name(), config.get(StatusKeys.RECORD_WHEN_BEHIND));
        meta.put(StatusKeys.RECORD_SHEET_EVERY.name(), String.valueOf(sheetEvery));
        meta.put(StatusKeys.RECORD_SHEET_DOWNSAMPLE.name(), String.valueOf(config.get(StatusKeys.RECORD_SHEET_DOWNSAMPLE)));
        meta.put("sheet_map", sheetW + "x" + sheetH);
        if (writer != null) writer.metadata("ev3cortex", meta);

        Map<String, String> chMeta = new LinkedHashMap<>();
        chMeta.put("ev3cortex.format", FORMAT);
        chConfig = define("ev3cortex.Config", Schemas.CONFIG, "/config", chMeta);
        chCamera = define("foxglove.RawImage", Schemas.RAW_IMAGE, "/camera", chMeta);
        chAudio = define("ev3cortex.Audio", Schemas.AUDIO, "/audio", chMeta);
        chBody = define("ev3cortex.Body", Schemas.BODY, "/body", chMeta);
        chCommands = define("ev3cortex.Commands", Schemas.COMMANDS, "/commands", chMeta);
        chSurprise = define("ev3cortex.Surprise", Schemas.SURPRISE, "/surprise", chMeta);
        chBehaviour = define("ev3cortex.Behaviour", Schemas.BEHAVIOUR, "/behaviour", chMeta);
        chTimings = define("ev3cortex.Timings", Schemas.TIMINGS, "/timings", chMeta);
        chPrediction = define("foxglove.RawImage", Schemas.SHEET_MAP, "/sheet/prediction", chMeta);
        chError = define("foxglove.RawImage", Schemas.SHEET_MAP, "/sheet/error", chMeta);
    }

    /** One channel, in the file (if any) and in the list the tap gets; the same id in both. */
    private int define(String schemaName, String schema, String topic, Map<String, String> meta) {
        int id = topics.size();
        topics.add(topic);
        schemaNames.add(schemaName);
        schemaTexts.add(schema);
        if (writer != null) {
            int c = writer.channel(writer.schema(schemaName, "jsonschema", McapWriter.utf8(schema)), topic, "json", meta);
            if (c != id) throw new IllegalStateException("channel ids out of step: " + c + " != " + id);
        }
        return id;
    }

    // ---------------------------------------------------------------- lifecycle and counts

    /** Ticks dropped because the writer was behind. */
    public long dropped() { return dropped; }
    /** Ticks the writer has encoded. */
    public long ticksWritten() { return ticksWritten; }
    public long messages() { return messages; }
    /** True once a write error stopped the recording. */
    public boolean failed() { return failed; }
    /** The files written so far, the first one first. */
    public List<Path> files() { return new ArrayList<>(files); }

    /** Bytes on disk over all parts (after {@link #close()}: the final sizes). */
    public long bytes() {
        long b = 0;
        for (Path p : files) {
            try {
                b += Files.size(p);
            } catch (IOException e) {
                // a part that vanished counts as nothing
            }
        }
        return b;
    }

    /** Writes what is queued, ends the file (summary and footer) and stops the writer thread. */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        LockSupport.unpark(writerThread);
        try {
            writerThread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("recording ended: {} tick(s), {} message(s), {} byte(s) in {}; {} tick(s) dropped",
                ticksWritten, messages, bytes(), files, dropped);
        if (tap != null) tap.closed();
    }
}
