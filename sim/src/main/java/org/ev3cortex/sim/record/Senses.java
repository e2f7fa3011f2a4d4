package org.ev3cortex.sim.record;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.SourceState;

/**
 * Every tick's recorded senses and issued commands, decoded once from a recording for replay.
 * Refuses a recording that does not hold every tick's senses (decimated rates, dropped ticks).
 */
final class Senses {
    final int ticks;
    final long[] nanos;
    final int width;
    final int height;
    final PixelFormat format;
    final byte[][] frames;
    final long[][] frameReading; // sequence, capture nanos
    final SourceState[] frameState;
    final int sampleRate;
    final int channels;
    final short[][] audio;
    final long[][] audioReading;
    final SourceState[] audioState;
    final String[] motorPorts;
    final int[] maxSpeed;
    final int[] countsPerRotation;
    final int[][] position;
    final int[][] speed;
    final int[][] flags;
    final String[] touchPorts;
    final boolean[][] touch;
    final double[] batteryV;
    final double[] batteryA;
    final boolean hasStats;
    final double[][] stats;
    final long[][] statsReading;
    final SourceState[] statsState;
    final int[][] mode;
    final int[][] issuedSpeed;
    final long[][] issuedTick;

    Senses(McapReader.Recording r) throws BadRecordingException {
        Map<String, String> meta = r.meta;
        List<McapReader.Message> body = r.topic("/body");
        List<McapReader.Message> commands = r.topic("/commands");
        ticks = commands.size();
        if (ticks == 0) throw new BadRecordingException(r.file + ": holds no ticks, nothing to replay");
        String camera = meta.getOrDefault("camera", "");
        String mic = meta.getOrDefault("microphone", "");
        List<McapReader.Message> cam = r.topic("/camera");
        List<McapReader.Message> aud = r.topic("/audio");
        checkEvery(r, "/body", body, "record.state.everyTicks");
        checkEvery(r, "/commands", commands, "record.state.everyTicks");
        if (!camera.isEmpty()) checkEvery(r, "/camera", cam, "record.camera.everyTicks");
        if (!mic.isEmpty()) checkEvery(r, "/audio", aud, "record.audio.everyTicks");

        nanos = new long[ticks];
        motorPorts = split(meta.getOrDefault("motor_ports", ""));
        maxSpeed = ints(split(meta.getOrDefault("motor_max_speed", "")));
        countsPerRotation = ints(split(meta.getOrDefault("motor_counts_per_rotation", "")));
        touchPorts = split(meta.getOrDefault("touch_ports", ""));
        hasStats = Boolean.parseBoolean(meta.getOrDefault("system_stats", "false"));
        int m = motorPorts.length;
        position = new int[ticks][];
        speed = new int[ticks][];
        flags = new int[ticks][];
        touch = new boolean[ticks][];
        batteryV = new double[ticks];
        batteryA = new double[ticks];
        stats = new double[ticks][];
        statsReading = new long[ticks][];
        statsState = new SourceState[ticks];
        mode = new int[ticks][];
        issuedSpeed = new int[ticks][];
        issuedTick = new long[ticks][];
        for (int t = 0; t < ticks; t++) {
            Map<String, Object> b = body.get(t).json();
            nanos[t] = lng(b.get("nanos"));
            position[t] = intArray(b.get("position_counts"), m);
            speed[t] = intArray(b.get("speed_counts_per_sec"), m);
            flags[t] = intArray(b.get("flags"), m);
            List<?> tl = (List<?>) b.get("touch");
            touch[t] = new boolean[tl.size()];
            for (int i = 0; i < tl.size(); i++) touch[t][i] = Boolean.TRUE.equals(tl.get(i));
            batteryV[t] = dbl(b.get("battery_v"));
            batteryA[t] = dbl(b.get("battery_a"));
            List<?> sl = (List<?>) b.get("stats");
            stats[t] = new double[sl.size()];
            for (int i = 0; i < sl.size(); i++) stats[t][i] = dbl(sl.get(i));
            statsReading[t] = new long[] {lng(b.get("stats_sequence")), lng(b.get("stats_capture_nanos"))};
            statsState[t] = SourceState.valueOf((String) b.get("stats_state"));
            Map<String, Object> c = commands.get(t).json();
            mode[t] = intArray(c.get("mode"), m);
            issuedSpeed[t] = intArray(c.get("speed_counts_per_sec"), m);
            List<?> it = (List<?>) c.get("issued_tick");
            issuedTick[t] = new long[m];
            for (int i = 0; i < m; i++) issuedTick[t][i] = lng(it.get(i));
        }
        if (camera.isEmpty()) {
            width = 0;
            height = 0;
            format = PixelFormat.GRAY8;
            frames = null;
            frameReading = null;
            frameState = null;
        } else {
            String[] wh = camera.split(" ")[0].split("x");
            width = Integer.parseInt(wh[0]);
            height = Integer.parseInt(wh[1]);
            format = PixelFormat.valueOf(camera.split(" ")[1]);
            frames = new byte[ticks][];
            frameReading = new long[ticks][];
            frameState = new SourceState[ticks];
            Base64.Decoder d = Base64.getDecoder();
            for (int t = 0; t < ticks; t++) {
                Map<String, Object> f = cam.get(t).json();
                frames[t] = d.decode((String) f.get("data"));
                frameReading[t] = new long[] {lng(f.get("sequence")), lng(f.get("capture_nanos"))};
                frameState[t] = SourceState.valueOf((String) f.get("state"));
            }
        }
        if (mic.isEmpty()) {
            sampleRate = 0;
            channels = 0;
            audio = null;
            audioReading = null;
            audioState = null;
        } else {
            sampleRate = Integer.parseInt(mic.split(" ")[0]);
            channels = Integer.parseInt(mic.substring(mic.indexOf('x') + 1));
            audio = new short[ticks][];
            audioReading = new long[ticks][];
            audioState = new SourceState[ticks];
            Base64.Decoder d = Base64.getDecoder();
            for (int t = 0; t < ticks; t++) {
                Map<String, Object> a = aud.get(t).json();
                byte[] raw = d.decode((String) a.get("data"));
                short[] s = new short[raw.length / 2];
                for (int i = 0; i < s.length; i++) s[i] = (short) ((raw[2 * i] & 0xFF) | raw[2 * i + 1] << 8);
                audio[t] = s;
                audioReading[t] = new long[] {lng(a.get("sequence")), lng(a.get("capture_nanos"))};
                audioState[t] = SourceState.valueOf((String) a.get("state"));
            }
        }
    }

    /** Replay needs the stream on ticks 0, 1, 2, ... with none missing. */
    private void checkEvery(McapReader.Recording r, String topic, List<McapReader.Message> ms, String key)
            throws BadRecordingException {
        String hint = " cannot be replayed: it must hold every tick's senses and commands, recorded with "
                + "record.camera.everyTicks=1, record.audio.everyTicks=1 and record.state.everyTicks=1 (sim run"
                + " --record does this by default)";
        if (ms.size() != ticks) {
            throw new BadRecordingException(r.file + hint + "; " + topic + " has " + ms.size() + " of " + ticks
                    + " ticks (" + key + "=" + r.meta.getOrDefault(key, "?") + ")");
        }
        for (int t = 0; t < ms.size(); t++) {
            long tick = lng(ms.get(t).json().get("tick"));
            if (tick != t) {
                throw new BadRecordingException(r.file + hint + "; " + topic + " jumps to tick " + tick + " where tick "
                        + t + " was expected (" + key + "=" + r.meta.getOrDefault(key, "?") + ", or dropped ticks)");
            }
        }
    }

    private static String[] split(String s) {
        return s.isEmpty() ? new String[0] : s.split(",");
    }

    private static int[] ints(String[] s) {
        int[] v = new int[s.length];
        for (int i = 0; i < s.length; i++) v[i] = Integer.parseInt(s[i].trim());
        return v;
    }

    static long lng(Object o) {
        return ((Number) o).longValue();
    }

    /** JSON has no NaN: the recorder writes it as null. */
    static double dbl(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static int[] intArray(Object o, int n) {
        List<?> l = (List<?>) o;
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = (int) lng(l.get(i));
        return v;
    }
}
