package org.ev3cortex.sim.telemetry;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ev3cortex.record.Recorder;
import org.ev3cortex.sim.record.JsonIn;
import org.ev3cortex.sim.report.Json;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live telemetry over the Foxglove WebSocket protocol ({@code foxglove.websocket.v1}): the same
 * channels and JSON messages as a recording, served on 127.0.0.1 to Foxglove Studio or any client
 * of the protocol. Fed by the recorder's writer thread ({@link Recorder.Tap}), never by the tick.
 * Each client gets at most {@code bytesPerSec} (a token bucket with a one-second burst); a message
 * that does not fit, or finds the client's socket still busy, is dropped for that client and
 * counted. A client that reconnects gets the channels again and resumes.
 */
public final class TelemetryServer extends WebSocketServer implements Recorder.Tap {
    private static final Logger log = LoggerFactory.getLogger(TelemetryServer.class);
    public static final String SUBPROTOCOL = "foxglove.websocket.v1";

    private final long bytesPerSec;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private volatile String advertise = "{\"op\":\"advertise\",\"channels\":[]}";
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int configChannel = -1;
    private volatile byte[] lastConfig; // latched: a client that subscribes later still gets the config
    private volatile long lastConfigTime;

    /** One connected client: its subscriptions (id to channel) and its byte budget. */
    private static final class Client {
        final Map<Integer, Integer> subscriptions = new ConcurrentHashMap<>();
        double tokens;
        long lastNanos = System.nanoTime();
    }

    public TelemetryServer(int port, long bytesPerSec) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                List.of(new Draft_6455(Collections.emptyList(), List.of(new Protocol(SUBPROTOCOL)))));
        this.bytesPerSec = bytesPerSec;
        setReuseAddr(true);
    }

    /** Starts serving; throws when the port cannot be bound. */
    public TelemetryServer open() throws Exception {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("telemetry server did not start");
        if (startFailure != null) throw startFailure;
        return this;
    }

    public long sent() { return sent.get(); }
    public long dropped() { return dropped.get(); }

    @Override
    public void channels(List<String> topics, List<String> schemaNames, List<String> schemas) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i).equals("/config")) configChannel = i;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", i);
            c.put("topic", topics.get(i));
            c.put("encoding", "json");
            c.put("schemaName", schemaNames.get(i));
            c.put("schema", schemas.get(i));
            c.put("schemaEncoding", "jsonschema");
            list.add(c);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", "advertise");
        m.put("channels", list);
        advertise = Json.write(m);
        broadcast(advertise); // clients that connected before the agent started
    }

    @Override
    public void message(int channel, long logTimeNanos, byte[] data, int off, int len) {
        if (channel == configChannel) {
            lastConfig = java.util.Arrays.copyOfRange(data, off, off + len);
            lastConfigTime = logTimeNanos;
        }
        for (WebSocket conn : getConnections()) {
            Client c = conn.getAttachment();
            if (c == null || !conn.isOpen()) continue;
            for (Map.Entry<Integer, Integer> s : c.subscriptions.entrySet()) {
                if (s.getValue() != channel) continue;
                long now = System.nanoTime();
                c.tokens = Math.min(bytesPerSec, c.tokens + (now - c.lastNanos) * 1e-9 * bytesPerSec);
                c.lastNanos = now;
                int size = 13 + len;
                if (c.tokens < size || conn.hasBufferedData() && size > 4_096) {
                    dropped.incrementAndGet();
                    continue;
                }
                c.tokens -= size;
                ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
                b.put((byte) 1).putInt(s.getKey()).putLong(logTimeNanos).put(data, off, len).flip();
                try {
                    conn.send(b);
                    sent.incrementAndGet();
                } catch (RuntimeException e) {
                    dropped.incrementAndGet(); // closed meanwhile
                }
            }
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Client c = new Client();
        c.tokens = bytesPerSec;
        conn.setAttachment(c);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("op", "serverInfo");
        info.put("name", "ev3cortex");
        info.put("capabilities", List.of());
        info.put("supportedEncodings", List.of());
        info.put("metadata", Map.of());
        info.put("sessionId", Long.toString(System.currentTimeMillis()));
        conn.send(Json.write(info));
        conn.send(advertise);
        log.info("telemetry client connected from {}", conn.getRemoteSocketAddress());
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        Client c = conn.getAttachment();
        if (c == null) return;
        try {
            Map<String, Object> m = JsonIn.object(JsonIn.parse(text));
            Object op = m.get("op");
            if ("subscribe".equals(op)) {
                for (Object o : (List<?>) m.get("subscriptions")) {
                    Map<String, Object> s = JsonIn.object(o);
                    int id = ((Number) s.get("id")).intValue();
                    int channel = ((Number) s.get("channelId")).intValue();
                    c.subscriptions.put(id, channel);
                    byte[] config = lastConfig;
                    if (channel == configChannel && config != null) {
                        ByteBuffer b = ByteBuffer.allocate(13 + config.length).order(ByteOrder.LITTLE_ENDIAN);
                        b.put((byte) 1).putInt(id).putLong(lastConfigTime).put(config).flip();
                        conn.send(b);
                    }
                }
            } else if ("unsubscribe".equals(op)) {
                for (Object id : (List<?>) m.get("subscriptionIds")) c.subscriptions.remove(((Number) id).intValue());
            }
        } catch (RuntimeException e) {
            log.warn("telemetry: ignored a message from {} ({})", conn.getRemoteSocketAddress(), e.getMessage());
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        log.info("telemetry client {} left", conn.getRemoteSocketAddress());
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        } else {
            log.warn("telemetry client {}: {}", conn.getRemoteSocketAddress(), ex.toString());
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
