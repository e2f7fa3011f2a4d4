package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live telemetry from the unchanged brick jar ({@code telemetry.port}) on a fake sysfs tree: a
 * Foxglove-protocol client on 127.0.0.1 gets the recording's channels, again after reconnecting;
 * nothing answers on the machine's other addresses.
 */
@Timeout(180)
class BrickJarTelemetryIT {
    @TempDir Path root;

    /** Subscribes to every advertised channel; collects the topics that delivered. */
    static final class Client extends WebSocketClient {
        final Map<Integer, String> topics = new ConcurrentHashMap<>();
        final Set<String> delivered = ConcurrentHashMap.newKeySet();

        Client(int port) throws Exception {
            super(new URI("ws://127.0.0.1:" + port), new Draft_6455(List.of(), List.of(new Protocol("foxglove.websocket.v1"))));
        }

        @Override public void onOpen(ServerHandshake h) {}

        @Override public void onMessage(String text) {
            if (!text.contains("\"op\":\"advertise\"")) return;
            Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"topic\":\"([^\"]+)\"").matcher(text);
            StringBuilder sub = new StringBuilder("{\"op\":\"subscribe\",\"subscriptions\":[");
            boolean first = true;
            while (m.find()) {
                topics.put(Integer.parseInt(m.group(1)), m.group(2));
                sub.append(first ? "" : ",").append("{\"id\":").append(m.group(1)).append(",\"channelId\":").append(m.group(1)).append('}');
                first = false;
            }
            send(sub.append("]}").toString());
        }

        @Override public void onMessage(ByteBuffer b) {
            b.order(ByteOrder.LITTLE_ENDIAN);
            if (b.get() != 1) return;
            String t = topics.get(b.getInt());
            if (t != null) delivered.add(t);
        }

        @Override public void onClose(int code, String reason, boolean remote) {}
        @Override public void onError(Exception e) {}
    }

    @Test
    void theBrickJarServesTheRecordingsChannelsOnLoopbackOnly() throws Exception {
        Path jar = Paths.get(System.getProperty("ev3cortex.brickJar", "target/ev3cortex-robot.jar"));
        assumeTrue(Files.exists(jar), "brick jar not built: " + jar);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FakeEv3Tree tree = new FakeEv3Tree(root.resolve("sys"))) {
            tree.addMotor("outB", "lego-ev3-l-motor");
            tree.addMotor("outC", "lego-ev3-l-motor");
            tree.addSensor("in1", "lego-ev3-touch");
            tree.start(2);
            List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                    "--set", "ev3.sysfs.root=" + root.resolve("sys"), "--set", "body.motorPorts=outB,outC",
                    "--set", "body.touchPorts=in1", "--set", "ev3.camera.enabled=false", "--set", "ev3.mic.enabled=false",
                    "--set", "ev3.stats.enabled=false", "--set", "telemetry.port=" + port,
                    "--set", "record.timings.everyTicks=1", "--set", "record.sheet.everyTicks=2");
            Path logFile = root.resolve("brick.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            try {
                for (int round = 1; round <= 2; round++) {
                    Client c = null;
                    for (int i = 0; i < 600 && c == null; i++) {
                        Client t = new Client(port);
                        if (t.connectBlocking(1, TimeUnit.SECONDS)) c = t;
                        else Thread.sleep(100);
                    }
                    String log = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
                    assertThat(c).as("connected; log:\n" + log).isNotNull();
                    for (int i = 0; i < 600 && c.delivered.size() < 8; i++) Thread.sleep(100);
                    assertThat(c.topics.values()).as("advertised").containsExactlyInAnyOrder("/config", "/camera", "/audio",
                            "/body", "/commands", "/surprise", "/behaviour", "/timings", "/sheet/prediction", "/sheet/error");
                    // No camera and no microphone on this body: the other eight deliver.
                    assertThat(c.delivered).as("round " + round).containsExactlyInAnyOrder("/config", "/body", "/commands",
                            "/surprise", "/behaviour", "/timings", "/sheet/prediction", "/sheet/error");
                    c.closeBlocking();
                }
                for (InetAddress a : Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                        .flatMap(n -> Collections.list(n.getInetAddresses()).stream()).toArray(InetAddress[]::new)) {
                    if (a.isLoopbackAddress() || !(a instanceof Inet4Address)) continue;
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(a, port), 2_000);
                        throw new AssertionError("telemetry answers on " + a);
                    } catch (java.io.IOException expected) {
                        // refused: only 127.0.0.1 listens
                    }
                }
                String log = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
                assertThat(log).contains("telemetry client connected");
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
        }
    }
}
