package org.ev3cortex.record;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live telemetry over the Foxglove WebSocket protocol ({@code foxglove.websocket.v1}): the same
 * channels and JSON messages as a recording, served on 127.0.0.1 only to Foxglove Studio, the
 * desktop viewer ({@code sim view --connect}) or any client of the protocol. Fed by the
 * recorder's writer thread ({@link Recorder.Tap}), never by the tick; it never blocks that thread
 * either. Each client gets at most {@code bytesPerSec} (a token bucket with a one-second burst)
 * and at most {@link #QUEUED} messages waiting for its socket; a message that does not fit is
 * dropped for that client and counted. A client that reconnects gets the channels again and
 * resumes; a new subscriber of {@code /config} gets the last config at once.
 *
 * <p>The brick loads this class (and Java-WebSocket) only when {@code telemetry.port} is set.
 */
public final class TelemetryServer extends WebSocketServer implements Recorder.Tap {
    private static final Logger log = LoggerFactory.getLogger(TelemetryServer.class);
    public static final String SUBPROTOCOL = "foxglove.websocket.v1";
    /** Messages that may wait for one client's socket; beyond that its messages are dropped. */
    static final int QUEUED = 64;
    private static final Pattern OP = Pattern.compile("\"op\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}\\[\\]]*\\}");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern CHANNEL = Pattern.compile("\"channelId\"\\s*:\\s*(\\d+)");
    private static final Pattern IDS = Pattern.compile("\"subscriptionIds\"\\s*:\\s*\\[([^\\]]*)\\]");

    private final long bytesPerSec;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private volatile String advertise = "{\"op\":\"advertise\",\"channels\":[]}";
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int configChannel = -1;
    private volatile byte[] lastConfig; // latched: a client that subscribes later still gets the config
    private volatile long lastConfigTime;
    // The writer thread only: the drop log, at most every 10 s.
    private long loggedDrops;
    private long lastDropLog = System.nanoTime();

    /** One connected client: its subscriptions (id to channel) and its byte budget. */
    private static final class Client {
        final Map<Integer, Integer> subscriptions = new ConcurrentHashMap<>();
        double tokens;
        long lastNanos = System.nanoTime();
    }

    /** Serves on 127.0.0.1:{@code port} (0: any free port, see {@link #port()}). */
    public TelemetryServer(int port, long bytesPerSec) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                Collections.singletonList(new Draft_6455(Collections.emptyList(),
                        Collections.singletonList(new Protocol(SUBPROTOCOL)))));
        this.bytesPerSec = bytesPerSec;
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Starts serving; throws when the port cannot be bound. */
    public TelemetryServer open() throws Exception {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("telemetry server did not start");
        if (startFailure != null) throw startFailure;
        return this;
    }

    /** Messages sent to clients. */
    public long sent() { return sent.get(); }
    /** Bytes sent to clients (WebSocket payloads). */
    public long sentBytes() { return sentBytes.get(); }
    /** Messages dropped for a client (over its bandwidth, its socket behind, or closed meanwhile). */
    public long dropped() { return dropped.get(); }

    @Override
    public void channels(List<String> topics, List<String> schemaNames, List<String> schemas) {
        JsonOut j = new JsonOut().reset().open().key("op").value("advertise").key("channels").openArray();
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i).equals("/config")) configChannel = i;
            j.open().key("id").value(i).key("topic").value(topics.get(i)).key("encoding").value("json")
                    .key("schemaName").value(schemaNames.get(i)).key("schema").value(schemas.get(i))
                    .key("schemaEncoding").value("jsonschema").close();
        }
        j.closeArray().close();
        advertise = new String(j.b.a, 0, j.b.n, java.nio.charset.StandardCharsets.UTF_8);
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
                if (c.tokens < size || behind(conn, size)) {
                    dropped.incrementAndGet();
                    continue;
                }
                c.tokens -= size;
                send(conn, s.getKey(), logTimeNanos, data, off, len);
            }
        }
        long d = dropped.get();
        if (d > loggedDrops && System.nanoTime() - lastDropLog >= 10_000_000_000L) {
            log.warn("telemetry: {} message(s) dropped so far for clients over their {} kB/s or behind on their"
                    + " socket ({} sent)", d, bytesPerSec / 1000, sent.get());
            loggedDrops = d;
            lastDropLog = System.nanoTime();
        }
    }

    /** The client's socket is behind: too many messages wait, or a large one would queue behind others. */
    private static boolean behind(WebSocket conn, int size) {
        int queued = conn instanceof WebSocketImpl ? ((WebSocketImpl) conn).outQueue.size() : 0;
        return queued >= QUEUED || conn.hasBufferedData() && size > 4_096;
    }

    private void send(WebSocket conn, int subscription, long logTime, byte[] data, int off, int len) {
        ByteBuffer b = ByteBuffer.allocate(13 + len).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(subscription).putLong(logTime).put(data, off, len).flip();
        try {
            conn.send(b);
            sent.incrementAndGet();
            sentBytes.addAndGet(13 + len);
        } catch (RuntimeException e) {
            dropped.incrementAndGet(); // closed meanwhile
        }
    }

    @Override
    public void closed() {
        try {
            stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Client c = new Client();
        c.tokens = bytesPerSec;
        conn.setAttachment(c);
        conn.send("{\"op\":\"serverInfo\",\"name\":\"ev3cortex\",\"capabilities\":[],\"supportedEncodings\":[],"
                + "\"metadata\":{},\"sessionId\":\"" + System.currentTimeMillis() + "\"}");
        conn.send(advertise);
        log.info("telemetry client connected from {}", conn.getRemoteSocketAddress());
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        Client c = conn.getAttachment();
        if (c == null) return;
        Matcher op = OP.matcher(text);
        if (!op.find()) {
            log.warn("telemetry: ignored a message without an op from {}", conn.getRemoteSocketAddress());
            return;
        }
        if (op.group(1).equals("subscribe")) {
            Matcher o = OBJECT.matcher(text);
            while (o.find()) {
                Matcher id = ID.matcher(o.group());
                Matcher ch = CHANNEL.matcher(o.group());
                if (!id.find() || !ch.find()) continue;
                int subscription = Integer.parseInt(id.group(1));
                int channel = Integer.parseInt(ch.group(1));
                c.subscriptions.put(subscription, channel);
                byte[] config = lastConfig;
                if (channel == configChannel && config != null) {
                    send(conn, subscription, lastConfigTime, config, 0, config.length);
                }
            }
        } else if (op.group(1).equals("unsubscribe")) {
            Matcher ids = IDS.matcher(text);
            if (ids.find()) {
                for (String id : ids.group(1).split(",")) {
                    if (!id.trim().isEmpty()) c.subscriptions.remove(Integer.parseInt(id.trim()));
                }
            }
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
