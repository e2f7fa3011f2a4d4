package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.config.Config;
import org.ev3cortex.ganglia.Behaviour;
import org.ev3cortex.sim.body.SimBody;
import org.junit.jupiter.api.Test;

/**
 * A loop that is stopped and run again starts the background senses again: its end stops the
 * camera, the microphone and the statistics, and the next run restarts them after its first tick.
 * (They used to stay stopped: the robot then heard nothing, and phonotaxis never ran again.)
 */
class LoopRestartTest {
    @Test
    void aSecondRunHearsAndSteersAsTheFirstDid() throws Exception {
        Config c = ScenarioTest.config("sim.seed=7");
        SimBody body = new SimBody(c);
        try (Agent agent = new Agent(body, c, List.of())) {
            agent.loop().runTicks(100);
            long first = agent.percepts().bandWindows();
            assertThat(first).isGreaterThan(50);
            agent.loop().runTicks(100);
            long second = agent.percepts().bandWindows() - first;
            System.out.printf("A1 windows: %d in the first run, %d in the second%n", first, second);
            assertThat(second).as("A1 windows in the second run").isGreaterThan(first - 5);
            assertThat(agent.selection().active()).isEqualTo(Behaviour.PHONOTAXIS);
        }
    }
}
