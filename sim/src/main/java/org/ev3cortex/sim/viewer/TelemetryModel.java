package org.ev3cortex.sim.viewer;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ev3cortex.sim.record.JsonIn;

/**
 * What the remote and replay viewer shows, decoded from the recording's channels (live telemetry
 * or an MCAP file): the latest message of each topic, the camera frame and sheet maps as arrays,
 * and a history of surprise and battery for the plots. No Swing here: the window paints from it,
 * tests read it. Thread-safe (the WebSocket thread writes, the Swing timer reads).
 */
public final class TelemetryModel {
    /** Samples kept for the plots. */
    public static final int HISTORY = 600;

    private final Map<String, Map<String, Object>> last = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, double[]> history = new LinkedHashMap<>();
    private int historyCount;
    private long lastTick = -1;
    private long lastLogTime;
    private byte[] frame = new byte[0];
    private int frameW;
    private int frameH;
    private String frameEncoding = "";
    private long frameTick = -1;
    private final float[][] sheet = {new float[0], new float[0]};
    private int sheetW;
    private int sheetH;
    private final List<String> switches = new ArrayList<>();

    /** One message of {@code topic} (its JSON payload). */
    public void accept(String topic, long logTimeNanos, byte[] buf, int off, int len) {
        accept(topic, logTimeNanos, JsonIn.object(JsonIn.parse(buf, off, len)));
    }

    public synchronized void accept(String topic, long logTimeNanos, Map<String, Object> m) {
        counts.merge(topic, 1L, Long::sum);
        lastLogTime = Math.max(lastLogTime, logTimeNanos);
        Object tick = m.get("tick");
        if (tick instanceof Number) lastTick = Math.max(lastTick, ((Number) tick).longValue());
        if (topic.equals("/camera") || topic.startsWith("/sheet/")) {
            byte[] data = Base64.getDecoder().decode((String) m.get("data"));
            int w = ((Number) m.get("width")).intValue();
            int h = ((Number) m.get("height")).intValue();
            if (topic.equals("/camera")) {
                frame = data;
                frameW = w;
                frameH = h;
                frameEncoding = String.valueOf(m.get("encoding"));
                frameTick = tick instanceof Number ? ((Number) tick).longValue() : -1;
            } else {
                int q = topic.equals("/sheet/prediction") ? 0 : 1;
                float[] f = new float[w * h];
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < f.length && b.remaining() >= 4; i++) f[i] = b.getFloat();
                sheet[q] = f;
                sheetW = w;
                sheetH = h;
            }
            m.remove("data"); // kept decoded, not as text
        } else if (topic.equals("/surprise")) {
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (e.getKey().equals("tick") || !(e.getValue() instanceof Number)) continue;
                push(e.getKey(), ((Number) e.getValue()).doubleValue());
            }
            historyCount++;
        } else if (topic.equals("/behaviour")) {
            Object list = m.get("switches");
            if (list instanceof List) {
                for (Object o : (List<?>) list) {
                    Map<String, Object> s = JsonIn.object(o);
                    switches.add(s.get("tick") + ": " + s.get("from") + " -> " + s.get("to") + " (" + s.get("reason") + ")");
                    if (switches.size() > 50) switches.remove(0);
                }
            }
        }
        last.put(topic, m);
    }

    private void push(String series, double v) {
        double[] h = history.computeIfAbsent(series, k -> new double[HISTORY]);
        h[historyCount % HISTORY] = v;
    }

    /** Forgets everything (the replay's seek). */
    public synchronized void clear() {
        last.clear();
        counts.clear();
        history.clear();
        historyCount = 0;
        lastTick = -1;
        lastLogTime = 0;
        frame = new byte[0];
        frameTick = -1;
        sheet[0] = new float[0];
        sheet[1] = new float[0];
        switches.clear();
    }

    /** The latest message of a topic (without its base64 payload), or null. */
    public synchronized Map<String, Object> last(String topic) {
        Map<String, Object> m = last.get(topic);
        return m == null ? null : new LinkedHashMap<>(m);
    }

    /** Messages received per topic. */
    public synchronized Map<String, Long> counts() {
        return new LinkedHashMap<>(counts);
    }

    /** The highest tick seen, -1 before any. */
    public synchronized long lastTick() { return lastTick; }
    public synchronized long lastLogTime() { return lastLogTime; }

    /** The latest camera frame's bytes (as recorded), its size and encoding. */
    public synchronized byte[] frame() { return frame; }
    public synchronized int frameWidth() { return frameW; }
    public synchronized int frameHeight() { return frameH; }
    public synchronized String frameEncoding() { return frameEncoding; }
    public synchronized long frameTick() { return frameTick; }

    /** The latest sheet map: 0 prediction, 1 error; {@link #sheetWidth()} x {@link #sheetHeight()}, row-major. */
    public synchronized float[] sheet(int q) { return sheet[q]; }
    public synchronized int sheetWidth() { return sheetW; }
    public synchronized int sheetHeight() { return sheetH; }

    /** The latest switches, oldest first, as text. */
    public synchronized List<String> switches() { return new ArrayList<>(switches); }

    /** A plotted series (a /surprise area), oldest first, at most {@link #HISTORY} values. */
    public synchronized double[] series(String name) {
        double[] h = history.get(name);
        int n = Math.min(historyCount, HISTORY);
        double[] out = new double[n];
        if (h == null) return out;
        for (int k = 0; k < n; k++) out[k] = h[(historyCount - n + k) % HISTORY];
        return out;
    }

    /** The plotted series' names. */
    public synchronized List<String> seriesNames() { return new ArrayList<>(history.keySet()); }
}
