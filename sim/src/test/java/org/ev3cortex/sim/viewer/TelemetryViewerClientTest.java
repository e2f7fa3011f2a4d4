package org.ev3cortex.sim.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.Recording;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.record.Recorder;
import org.ev3cortex.record.TelemetryServer;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.sim.body.SimBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sim view --connect}'s client side without a display: a simulated agent serves telemetry,
 * the viewer's {@link TelemetryClient} fills a {@link TelemetryModel}, and for each tick the
 * model holds what the agent had at that tick (surprise, battery, commands, the camera frame's
 * bytes), read here from the agent by an observer, not from the messages. Then the connection
 * drops and the client connects again and resumes.
 */
class TelemetryViewerClientTest {

    /** What the agent had at one tick. */
    private static final class Seen {
        float surpriseV1L;
        double batteryV;
        long frameCrc;
        int issuedSpeed0;
    }

    @Test
    @Timeout(300)
    void theViewersClientReceivesTheAgentsValuesAndResumesAfterReconnecting() throws Exception {
        List<ConfigOverride> o = new ArrayList<>();
        o.add(new ConfigOverride("sim.hostStats", "false", "test"));
        for (String k : List.of("record.camera.everyTicks", "record.audio.everyTicks", "record.state.everyTicks",
                "record.timings.everyTicks", "record.sheet.everyTicks")) {
            o.add(new ConfigOverride(k, "1", "test"));
        }
        o.add(new ConfigOverride("record.whenBehind", "wait", "test"));
        Config c = new ConfigLoader(SimKeys.schema()).load(List.of(), o);
        Map<Long, Seen> seen = new HashMap<>();
        TelemetryServer server = new TelemetryServer(0, 100_000_000L).open();
        TelemetryModel model = new TelemetryModel();
        try (Agent agent = new Agent(new SimBody(c), c, List.of());
             TelemetryClient client = new TelemetryClient(new URI("ws://127.0.0.1:" + server.getPort()), model)) {
            agent.loop().addObserver(new TickObserver() {
                @Override public void afterTick(long tick, Snapshot s, MotorCommands m) {
                    Seen x = new Seen();
                    x.surpriseV1L = agent.percepts().surprise(Region.V1_L);
                    x.batteryV = s.batteryV;
                    CRC32 crc = new CRC32();
                    crc.update(s.frame, 0, s.frame.length);
                    x.frameCrc = crc.getValue();
                    x.issuedSpeed0 = m.issuedSpeed(0);
                    seen.put(tick, x);
                }
            });
            Recorder rec = Recording.start(agent, null, server);
            client.start();
            int checked = 0;
            int framesChecked = 0;
            int framesMissed = 0;
            for (int round = 1; round <= 2; round++) {
                // Tick until the client is subscribed (messages before that are not for it).
                for (int i = 0; i < 20_000 && !model.counts().containsKey("/sheet/error"); i++) {
                    agent.loop().runTicks(1);
                    Thread.sleep(1);
                }
                assertThat(client.connections()).isEqualTo(round);
                for (int i = 0; i < 30; i++) {
                    agent.loop().runTicks(1);
                    long tick = agent.loop().tick() - 1;
                    waitForTick(model, tick);
                    Seen x = seen.get(tick);
                    assertThat(((Number) model.last("/surprise").get("V1_L")).doubleValue()).isEqualTo((double) x.surpriseV1L);
                    assertThat(((Number) model.last("/body").get("battery_v")).doubleValue()).isEqualTo(x.batteryV);
                    assertThat(((List<?>) model.last("/commands").get("speed_counts_per_sec")).get(0))
                            .isEqualTo((long) x.issuedSpeed0);
                    // A frame is dropped (and counted) when the client's socket is still busy with
                    // the last one: a slow client never stalls the tick. On a loaded machine that
                    // happens; the frames that do arrive must be the agent's.
                    if (model.frameTick() == tick) {
                        CRC32 crc = new CRC32();
                        crc.update(model.frame(), 0, model.frame().length);
                        assertThat(crc.getValue()).as("the camera frame of tick " + tick).isEqualTo(x.frameCrc);
                        framesChecked++;
                    } else {
                        assertThat(model.frameTick()).as("no frame from the future").isLessThan(tick);
                        framesMissed++;
                    }
                    assertThat(model.sheetWidth()).isEqualTo(16);
                    assertThat(model.sheet(1)).hasSize(16 * 12);
                    checked++;
                }
                assertThat(client.topics().values()).contains("/config", "/camera", "/audio", "/body", "/commands",
                        "/surprise", "/behaviour", "/timings", "/sheet/prediction", "/sheet/error");
                assertThat(model.last("/config")).as("the latched config").isNotNull();
                if (round == 1) {
                    model.clear();
                    client.dropConnection(); // the client connects again by itself
                }
            }
            assertThat(checked).isEqualTo(60);
            assertThat(framesChecked).as("frames that arrived and matched").isGreaterThan(0);
            if (framesMissed > 0) assertThat(server.dropped()).as("a missing frame is a counted drop").isGreaterThan(0);
            rec.close();
        } finally {
            server.closed();
        }
        System.out.printf("viewer client: %d message(s) sent by the server, %d dropped%n", server.sent(), server.dropped());
    }

    private static void waitForTick(TelemetryModel model, long tick) throws InterruptedException {
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> m = model.last("/sheet/error"); // the last channel of a tick
            if (m != null && ((Number) m.get("tick")).longValue() >= tick) return;
            Thread.sleep(1);
        }
        throw new AssertionError("tick " + tick + " did not arrive");
    }
}
