package org.ev3cortex.sim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.Recording;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.config.Key;
import org.ev3cortex.status.StatusKeys;
import org.ev3cortex.record.Recorder;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.sim.body.SimBody;

/**
 * What recording costs, measured in the loop itself (a JMH harness around {@code runTicks(1)}
 * measures the harness): 10 simulated minutes of the default agent, not recording, with the
 * brick's default rates and with every stream on every tick, each also with one live telemetry
 * client (Java-WebSocket's, subscribed to every channel, in this JVM). Prints the loop's tick
 * median, the bytes per minute of ticks, the recorder's time on the tick thread (an observer on
 * each side of it), the writer thread's CPU per tick, the drops and what the client got. Run:
 * {@code java -cp sim/target/ev3cortex-sim.jar org.ev3cortex.sim.bench.RecordCost}.
 */
public final class RecordCost {
    private RecordCost() {}

    public static void main(String[] args) throws Exception {
        int n = 6_000;
        String[] modes = {"off", "brick defaults", "brick defaults + client", "every tick", "every tick + client"};
        for (int round = 0; round < 2; round++) for (String mode : modes) {
            boolean brick = mode.startsWith("brick");
            boolean client = mode.endsWith("client");
            if (mode.equals("off")) {
                off(n);
                continue;
            }
            List<ConfigOverride> o = new ArrayList<>();
            o.add(new ConfigOverride(SimKeys.HOST_STATS.name(), "false", "bench"));
            o.add(new ConfigOverride(StatusKeys.RECORD_WHEN_BEHIND.name(), brick ? "drop" : "wait", "bench"));
            if (!brick) for (Key<Integer> k : StatusKeys.RECORD_RATES) o.add(new ConfigOverride(k.name(), "1", "bench"));
            Config c = new ConfigLoader(SimKeys.schema()).load(List.of(), o);
            long[] before = new long[n];
            long[] after = new long[n];
            try (Agent agent = new Agent(new SimBody(c), c, List.of())) {
                agent.loop().addObserver(new TickObserver() {
                    @Override public void afterTick(long t, Snapshot s, MotorCommands m) { before[(int) t] = System.nanoTime(); }
                });
                Path f = Files.createTempFile("record-cost", ".mcap");
                org.ev3cortex.record.TelemetryServer server = client
                        ? new org.ev3cortex.record.TelemetryServer(0, 300_000).open() : null;
                Recorder r = Recording.start(agent, f, server);
                long[] got = new long[2];
                org.java_websocket.client.WebSocketClient ws = server == null ? null : client(server.getPort(), got);
                agent.loop().addObserver(new TickObserver() {
                    @Override public void afterTick(long t, Snapshot s, MotorCommands m) { after[(int) t] = System.nanoTime(); }
                });
                Thread writer = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("recorder")).findFirst().orElseThrow();
                com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long cpu0 = mx.getThreadCpuTime(writer.getId());
                agent.loop().runTicks(n);
                long cpu1 = mx.getThreadCpuTime(writer.getId());
                r.close();
                if (ws != null) ws.closeBlocking();
                long[] d = new long[n - 1_000]; // the first 1000 ticks warm up
                for (int i = 1_000; i < n; i++) d[i - 1_000] = after[i] - before[i];
                Arrays.sort(d);
                System.out.printf("%s: tick median %.3f ms; %.0f kB per minute of ticks; recorder on the tick thread median"
                        + " %.1f us, p99 %.1f us; writer thread %.1f us CPU per tick; %d tick(s) dropped%s%n", mode,
                        agent.loop().stats().epochSummary("tick")[1] / 1e6, r.bytes() / (n / 600.0) / 1e3,
                        d[d.length / 2] / 1e3, d[d.length * 99 / 100] / 1e3, (cpu1 - cpu0) / 1e3 / n, r.dropped(),
                        server == null ? "" : String.format("; client got %d message(s), %.0f kB per minute of ticks;"
                                + " %d dropped for it", got[0], got[1] / (n / 600.0) / 1e3, server.dropped()));
                if (server != null) server.closed();
                for (Path p : r.files()) Files.deleteIfExists(p);
            }
        }
    }

    /** The loop's tick median without recording. */
    private static void off(int n) throws Exception {
        List<ConfigOverride> o = new ArrayList<>();
        o.add(new ConfigOverride(SimKeys.HOST_STATS.name(), "false", "bench"));
        Config c = new ConfigLoader(SimKeys.schema()).load(List.of(), o);
        try (Agent agent = new Agent(new SimBody(c), c, List.of())) {
            agent.loop().runTicks(n);
            System.out.printf("off: tick median %.3f ms%n", agent.loop().stats().epochSummary("tick")[1] / 1e6);
        }
    }

    /** A client subscribed to every channel, counting messages and bytes into {@code got}. */
    private static org.java_websocket.client.WebSocketClient client(int port, long[] got) throws Exception {
        org.java_websocket.client.WebSocketClient ws = new org.java_websocket.client.WebSocketClient(
                new java.net.URI("ws://127.0.0.1:" + port), new org.java_websocket.drafts.Draft_6455(List.of(),
                List.of(new org.java_websocket.protocols.Protocol(org.ev3cortex.record.TelemetryServer.SUBPROTOCOL)))) {
            @Override public void onOpen(org.java_websocket.handshake.ServerHandshake h) {}
            @Override public void onMessage(String m) {
                if (!m.contains("\"advertise\"")) return;
                StringBuilder sub = new StringBuilder("{\"op\":\"subscribe\",\"subscriptions\":[");
                for (int i = 0; i < 10; i++) sub.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"channelId\":").append(i).append('}');
                send(sub.append("]}").toString());
            }
            @Override public void onMessage(java.nio.ByteBuffer b) {
                got[0]++;
                got[1] += b.remaining();
            }
            @Override public void onClose(int code, String reason, boolean remote) {}
            @Override public void onError(Exception e) {}
        };
        ws.connectBlocking(10, java.util.concurrent.TimeUnit.SECONDS);
        Thread.sleep(200); // subscribed before the run
        return ws;
    }
}
