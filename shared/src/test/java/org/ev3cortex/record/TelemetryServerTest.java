package org.ev3cortex.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The telemetry server against Java-WebSocket's own client: loopback only, the advertised
 * channels, message frames as the Foxglove protocol lays them out, reconnecting, and a client that
 * stops reading, whose messages are dropped while the feeding thread goes on. (Foxglove's own
 * client: the simulator's TelemetryNodeTest.)
 */
class TelemetryServerTest {
    private static final List<String> TOPICS = List.of("/config", "/body");

    /** A client that keeps what arrives; {@code stall} makes its reading thread wait (a slow client). */
    static final class Client extends WebSocketClient {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
        final CountDownLatch stall;

        Client(int port, CountDownLatch stall) throws Exception {
            super(new URI("ws://127.0.0.1:" + port), new Draft_6455(List.of(),
                    List.of(new Protocol(TelemetryServer.SUBPROTOCOL))));
            this.stall = stall;
        }

        @Override public void onOpen(ServerHandshake h) {}
        @Override public void onMessage(String m) { texts.add(m); }
        @Override public void onMessage(ByteBuffer b) {
            byte[] a = new byte[b.remaining()];
            b.get(a);
            binaries.add(a);
            if (stall != null) {
                try {
                    stall.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        @Override public void onClose(int code, String reason, boolean remote) {}
        @Override public void onError(Exception e) {}
    }

    private static TelemetryServer server(long bytesPerSec) throws Exception {
        TelemetryServer s = new TelemetryServer(0, bytesPerSec).open();
        s.channels(TOPICS, List.of("ev3cortex.Config", "ev3cortex.Body"), List.of("{\"title\":\"ev3cortex.Config\"}",
                "{\"title\":\"ev3cortex.Body\"}"));
        return s;
    }

    private static Client connect(TelemetryServer s, CountDownLatch stall) throws Exception {
        Client c = new Client(s.getPort(), stall);
        assertThat(c.connectBlocking(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.getProtocol().getProvidedProtocol()).isEqualTo(TelemetryServer.SUBPROTOCOL);
        assertThat(c.texts.poll(10, TimeUnit.SECONDS)).contains("\"op\":\"serverInfo\"");
        String advertise = c.texts.poll(10, TimeUnit.SECONDS);
        assertThat(advertise).contains("\"op\":\"advertise\"").contains("{\"id\":1,\"topic\":\"/body\",\"encoding\":\"json\","
                + "\"schemaName\":\"ev3cortex.Body\",\"schema\":\"{\\\"title\\\":\\\"ev3cortex.Body\\\"}\",\"schemaEncoding\":\"jsonschema\"}");
        c.send("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":7,\"channelId\":1}]}");
        return c;
    }

    /** Feeds /body until the client has a message (the subscription reaches the server asynchronously). */
    private static byte[] firstMessage(TelemetryServer s, Client c, byte[] payload) throws Exception {
        for (int i = 0; i < 1000; i++) {
            s.message(1, 123_456_789L + i, payload, 0, payload.length);
            byte[] got = c.binaries.poll(10, TimeUnit.MILLISECONDS);
            if (got != null) return got;
        }
        throw new AssertionError("no message arrived");
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        TelemetryServer s = server(300_000);
        try {
            assertThat(s.getAddress().getAddress().isLoopbackAddress()).isTrue();
        } finally {
            s.closed();
        }
    }

    @Test
    @Timeout(120)
    void aSubscriberGetsFoxgloveMessageFramesAndResumesAfterReconnecting() throws Exception {
        TelemetryServer s = server(300_000);
        try {
            byte[] payload = "{\"tick\":5,\"battery_v\":7.9}".getBytes(StandardCharsets.UTF_8);
            for (int round = 0; round < 2; round++) {
                Client c = connect(s, null);
                byte[] got = firstMessage(s, c, payload);
                ByteBuffer b = ByteBuffer.wrap(got).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(b.get()).as("opcode: message data").isEqualTo((byte) 1);
                assertThat(b.getInt()).as("subscription id").isEqualTo(7);
                assertThat(b.getLong()).isBetween(123_456_789L, 123_456_789L + 1000);
                assertThat(Arrays.copyOfRange(got, 13, got.length)).isEqualTo(payload);
                c.closeBlocking();
            }
            assertThat(s.dropped()).isZero();
        } finally {
            s.closed();
        }
    }

    @Test
    @Timeout(120)
    void aClientThatStopsReadingLosesMessagesAndNeverHoldsTheFeederUp() throws Exception {
        TelemetryServer s = server(1_000_000_000L); // bandwidth is not what drops here
        CountDownLatch stall = new CountDownLatch(1);
        try {
            Client c = connect(s, stall);
            byte[] payload = new byte[64 * 1024];
            firstMessage(s, c, payload); // the client's reading thread now waits
            int fed = 5_000; // 320 MB: far more than the socket buffers and the queue hold
            for (int i = 0; i < fed; i++) s.message(1, i, payload, 0, payload.length);
            assertThat(s.dropped()).isGreaterThan(fed / 2);
            assertThat(s.sent()).isLessThan(fed / 2);
            stall.countDown();
            c.closeBlocking();
        } finally {
            s.closed();
        }
    }
}
