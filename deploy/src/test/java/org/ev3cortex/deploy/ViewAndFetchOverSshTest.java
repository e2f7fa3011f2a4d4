package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ev3cortex.record.TelemetryServer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy view} and {@code deploy fetch} against a real SSH server (embedded Apache MINA
 * SSHD): the view command's JSch port forward reaches a real telemetry WebSocket server listening on
 * the far side's 127.0.0.1, and a client on this side of the forward gets its messages; fetch copies
 * a file byte for byte.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ViewAndFetchOverSshTest {
    @TempDir
    static Path shared;
    static EmbeddedBrick brick;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        brick = new EmbeddedBrick(shared);
    }

    @AfterAll
    static void stopServer() throws IOException {
        brick.close();
    }

    private String[] args(Target t, String... command) throws IOException {
        Path none = Files.writeString(dir.resolve("none.properties"), "");
        List<String> a = new java.util.ArrayList<>(List.of(command));
        a.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(brick.port()), "-i", brick.userKey.toString(),
                "--known-hosts", t.knownHostsFile.toString(), "--remote-dir", t.remoteDir, "-P", none.toString()));
        return a.toArray(new String[0]);
    }

    static final class Client extends WebSocketClient {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();

        Client(String url) throws Exception {
            super(new URI(url), new Draft_6455(List.of(), List.of(new Protocol(TelemetryServer.SUBPROTOCOL))));
        }

        @Override public void onOpen(ServerHandshake h) {}
        @Override public void onMessage(String m) { texts.add(m); }
        @Override public void onMessage(ByteBuffer b) {
            byte[] a = new byte[b.remaining()];
            b.get(a);
            binaries.add(a);
        }
        @Override public void onClose(int code, String reason, boolean remote) {}
        @Override public void onError(Exception e) {}
    }

    @Test
    void viewForwardsALocalPortToTheBricksTelemetryServer() throws Exception {
        TelemetryServer server = new TelemetryServer(0, 1_000_000).open(); // "on the brick": its loopback
        server.channels(List.of("/config", "/body"), List.of("ev3cortex.Config", "ev3cortex.Body"), List.of("{}", "{}"));
        Target t = brick.target(dir.resolve("known_hosts"), brick.home.resolve("ev3cortex").toString());
        Files.createDirectories(Path.of(t.remoteDir));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        int[] code = {-1};
        Thread view = new Thread(() -> {
            try {
                code[0] = DeployMain.run(out, out, args(t, "view", "--no-viewer", "--telemetry-port",
                        Integer.toString(server.getPort())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "deploy-view");
        view.start();
        try {
            Pattern url = Pattern.compile("is at (ws://127\\.0\\.0\\.1:(\\d+))");
            Matcher m = null;
            for (int i = 0; i < 6000 && (m == null || !m.find()); i++) {
                Thread.sleep(10);
                m = url.matcher(console.toString(StandardCharsets.UTF_8));
            }
            assertThat(m.find(0)).as(console.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(Integer.parseInt(m.group(2))).as("a port of this side, not the server's").isNotEqualTo(server.getPort());
            Client c = new Client(m.group(1));
            assertThat(c.connectBlocking(20, TimeUnit.SECONDS)).isTrue();
            assertThat(c.texts.poll(20, TimeUnit.SECONDS)).contains("\"name\":\"ev3cortex\"");
            assertThat(c.texts.poll(20, TimeUnit.SECONDS)).contains("\"topic\":\"/body\"");
            c.send("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":3,\"channelId\":1}]}");
            byte[] payload = "{\"tick\":42,\"battery_v\":7.5}".getBytes(StandardCharsets.UTF_8);
            byte[] got = null;
            for (int i = 0; i < 2000 && got == null; i++) {
                server.message(1, 99L, payload, 0, payload.length);
                got = c.binaries.poll(10, TimeUnit.MILLISECONDS);
            }
            assertThat(got).isNotNull();
            ByteBuffer b = ByteBuffer.wrap(got).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(b.get()).isEqualTo((byte) 1);
            assertThat(b.getInt()).isEqualTo(3);
            assertThat(b.getLong()).isEqualTo(99L);
            assertThat(Arrays.copyOfRange(got, 13, got.length)).isEqualTo(payload);
            c.closeBlocking();
        } finally {
            view.interrupt(); // Ctrl-C
            view.join(20_000);
            server.closed();
        }
        assertThat(code[0]).as(console.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("forwarding until interrupted");
    }

    @Test
    void fetchCopiesARecordingFromTheBrick() throws Exception {
        Target t = brick.target(dir.resolve("known_hosts"), brick.home.resolve("fetch").toString());
        Path remote = Files.createDirectories(Path.of(t.remoteDir, "run")).resolve("run.mcap");
        byte[] data = new byte[300_000];
        new java.util.Random(5).nextBytes(data);
        Files.write(remote, data);
        Path local = dir.resolve("here.mcap");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertThat(DeployMain.run(out, out, args(t, "fetch", "run/run.mcap", local.toString())))
                .as(console.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllBytes(local)).isEqualTo(data);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("fetched ").contains("run/run.mcap");

        int missing = DeployMain.run(out, out, args(t, "fetch", "run/none.mcap", dir.resolve("none.mcap").toString()));
        assertThat(missing).isEqualTo(DeployMain.EXIT_FAILED);
        assertThat(dir.resolve("none.mcap")).doesNotExist();
        assertThat(dir.resolve(".none.mcap.partial")).doesNotExist();
    }
}
