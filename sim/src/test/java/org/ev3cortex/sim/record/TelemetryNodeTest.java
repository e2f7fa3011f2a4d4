package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.Recording;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.record.Recorder;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.record.TelemetryServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live telemetry, read by Foxglove's own {@code @foxglove/ws-protocol} client under Node: a running
 * simulated agent delivers at least 5 channels within 5 s, and a client that reconnects resumes.
 */
@Tag("node")
class TelemetryNodeTest {

    @Test
    void foxglovesClientReceivesTheChannelsWithinFiveSecondsAndAgainAfterReconnecting() throws Exception {
        NodeMcap.assumeAvailable();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<ConfigOverride> o = new java.util.ArrayList<>();
        o.add(new ConfigOverride("sim.hostStats", "false", "test"));
        for (String k : List.of("record.camera.everyTicks", "record.audio.everyTicks", "record.state.everyTicks",
                "record.timings.everyTicks")) {
            o.add(new ConfigOverride(k, "1", "test"));
        }
        Config c = new ConfigLoader(SimKeys.schema()).load(List.of(), o);
        TelemetryServer server = new TelemetryServer(port, 300_000).open();
        try (Agent agent = new Agent(new SimBody(c), c, List.of())) {
            Recorder rec = Recording.start(agent, null, server);
            Thread loop = new Thread(() -> agent.loop().runTicks(Long.MAX_VALUE), "sim-loop");
            loop.start();
            try {
                for (int round = 1; round <= 2; round++) {
                    Map<String, Object> r = client(port);
                    System.out.println("telemetry client " + round + ": " + r);
                    assertThat(r.get("server")).isEqualTo("ev3cortex");
                    assertThat((List<?>) r.get("advertised")).hasSize(10);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> channels = (Map<String, Object>) r.get("channels");
                    assertThat(channels.size()).as("channels that delivered").isGreaterThanOrEqualTo(5);
                    assertThat(((Number) r.get("elapsedMs")).longValue()).isLessThanOrEqualTo(5_500);
                    assertThat(channels).as("the config is latched for a late subscriber").containsEntry("/config", 1L);
                    assertThat(r.get("jsonErrors")).isEqualTo(0L);
                }
            } finally {
                agent.loop().requestStop();
                loop.join(10_000);
                rec.close();
            }
            System.out.printf("telemetry: %d message(s) sent, %d dropped by the 300 kB/s budget%n", server.sent(),
                    server.dropped());
        } finally {
            server.stop(1_000);
        }
    }

    private static Map<String, Object> client(int port) throws Exception {
        Process p = new ProcessBuilder("node", "telemetry-client.cjs", "ws://127.0.0.1:" + port, "5000", "8")
                .directory(NodeMcap.DIR.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
        return JsonIn.object(JsonIn.parse(new String(out, StandardCharsets.UTF_8).trim()));
    }
}
