package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.sim.body.SimBody;
import org.junit.jupiter.api.Test;

/**
 * The same seed and config give the same run bit for bit, whether or not something watches it:
 * here an observer that copies the snapshot's frame, audio and the sheet's maps every tick, as a
 * recorder or the viewer does. Host statistics are off (they are the host's, not the world's).
 */
class DeterminismTest {

    private static float[][] run(boolean observed) throws Exception {
        Config c = ScenarioTest.config("sim.seed=7", "sim.hostStats=false");
        SimBody body = new SimBody(c);
        try (Agent agent = new Agent(body, c, List.of())) {
            List<byte[]> frames = new ArrayList<>();
            List<float[]> maps = new ArrayList<>();
            if (observed) {
                Sheet sheet = agent.sheet();
                agent.loop().addObserver((tick, s, cmd) -> {
                    frames.add(s.frame.clone());
                    maps.add(sheet.prediction().clone());
                    maps.add(s.audio.length > 0 ? new float[] {s.audio[0]} : new float[0]);
                });
            }
            agent.loop().runTicks(1_500);
            Sheet sheet = agent.sheet();
            float[] pose = {(float) body.world().x(), (float) body.world().y(), body.world().collisions()};
            if (observed) assertThat(frames).hasSize(1_500);
            return new float[][] {sheet.prediction().clone(), sheet.areaSurprise().clone(), sheet.activity().clone(), pose};
        }
    }

    @Test
    void aRecordingObserverChangesNothing() throws Exception {
        float[][] quiet = run(false);
        float[][] watched = run(true);
        for (int i = 0; i < quiet.length; i++) assertThat(watched[i]).containsExactly(quiet[i]);
    }
}
