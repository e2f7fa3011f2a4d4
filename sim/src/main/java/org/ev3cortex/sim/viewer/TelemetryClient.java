package org.ev3cortex.sim.viewer;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ev3cortex.sim.record.JsonIn;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's side of live telemetry ({@code sim view --connect ws://HOST:PORT}): a Foxglove
 * WebSocket protocol client that subscribes to every advertised channel and hands each message to
 * a {@link TelemetryModel}. Any ev3cortex agent serves it: the brick (through {@code deploy view}'s
 * SSH forward), a simulator or a laptop. When the connection drops it connects again every second
 * until {@link #close()}, and resumes.
 */
public final class TelemetryClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelemetryClient.class);
    public static final String SUBPROTOCOL = "foxglove.websocket.v1";

    private final URI uri;
    private final TelemetryModel model;
    private final Map<Integer, String> topics = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;
    private volatile Connection current;
    private volatile String serverName = "";
    private final Thread keeper;

    public TelemetryClient(URI uri, TelemetryModel model) {
        this.uri = uri;
        this.model = model;
        keeper = new Thread(this::keepConnected, "telemetry-client");
        keeper.setDaemon(true);
    }

    /** Starts connecting (and reconnecting); returns at once. */
    public TelemetryClient start() {
        keeper.start();
        return this;
    }

    private void keepConnected() {
        while (!closed) {
            Connection c = new Connection(uri);
            current = c;
            try {
                if (c.connectBlocking(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    connections.incrementAndGet();
                    while (!closed && c.isOpen()) Thread.sleep(100);
                }
                c.closeBlocking();
                if (!closed) Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Messages received over all connections. */
    public long messages() { return messages.get(); }
    /** Connections made so far (2 after one reconnect). */
    public long connections() { return connections.get(); }
    /** True while connected. */
    public boolean connected() {
        Connection c = current;
        return c != null && c.isOpen();
    }
    /** The topics the server advertised, by channel id. */
    public Map<Integer, String> topics() { return Map.copyOf(topics); }
    public String serverName() { return serverName; }
    public URI uri() { return uri; }

    /** Drops the current connection (for tests: the client reconnects). */
    void dropConnection() {
        Connection c = current;
        if (c != null) c.close();
    }

    @Override
    public void close() {
        closed = true;
        keeper.interrupt();
        Connection c = current;
        if (c != null) c.close();
    }

    private final class Connection extends WebSocketClient {
        Connection(URI to) {
            super(to, new Draft_6455(List.of(), List.of(new Protocol(SUBPROTOCOL))));
            setConnectionLostTimeout(10);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            log.info("telemetry: connected to {}", uri);
        }

        @Override
        public void onMessage(String text) {
            Map<String, Object> m = JsonIn.object(JsonIn.parse(text));
            Object op = m.get("op");
            if ("serverInfo".equals(op)) {
                serverName = String.valueOf(m.get("name"));
            } else if ("advertise".equals(op)) {
                StringBuilder sub = new StringBuilder("{\"op\":\"subscribe\",\"subscriptions\":[");
                boolean first = true;
                for (Object o : (List<?>) m.get("channels")) {
                    Map<String, Object> ch = JsonIn.object(o);
                    int id = ((Number) ch.get("id")).intValue();
                    topics.put(id, String.valueOf(ch.get("topic")));
                    sub.append(first ? "" : ",").append("{\"id\":").append(id).append(",\"channelId\":").append(id).append('}');
                    first = false;
                }
                if (!first) send(sub.append("]}").toString());
            } else if ("unadvertise".equals(op)) {
                for (Object id : (List<?>) m.get("channelIds")) topics.remove(((Number) id).intValue());
            }
        }

        @Override
        public void onMessage(ByteBuffer b) {
            b.order(ByteOrder.LITTLE_ENDIAN);
            if (b.remaining() < 13 || b.get() != 1) return; // only "message data"
            int subscription = b.getInt(); // our subscription ids are the channel ids
            long logTime = b.getLong();
            String topic = topics.get(subscription);
            if (topic == null) return;
            byte[] payload = new byte[b.remaining()];
            b.get(payload);
            try {
                model.accept(topic, logTime, payload, 0, payload.length);
                messages.incrementAndGet();
            } catch (RuntimeException e) {
                log.warn("telemetry: a {} message could not be read ({})", topic, e.toString());
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (!closed) log.info("telemetry: {} closed ({}); connecting again", uri, reason.isEmpty() ? code : reason);
        }

        @Override
        public void onError(Exception e) {
            log.debug("telemetry: {}", e.toString());
        }
    }
}
