package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.config.Config;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.world.World;
import org.junit.jupiter.api.Test;

/**
 * The learned M1 anticipates the contact reflex (docs/behaviour.md, "The learned M1"): 30-minute
 * runs of the default world with {@code m1.cortex.weight} 1 and 0, the same agent otherwise. With
 * it on, the last 10 minutes have at least 40 % fewer collisions than with it off, and fewer per
 * minute than its own first 5 (it learned). A read-out trained for 20 minutes still lets the robot
 * reach the song from 50 random starts.
 */
class AnticipationTest {
    static final int MINUTE = 600;

    /** Collisions per simulated minute of a run. */
    static int[] collisionsPerMinute(long seed, double weight, int minutes) throws Exception {
        Config c = ScenarioTest.config("sim.seed=" + seed, "m1.cortex.weight=" + weight);
        SimBody body = new SimBody(c);
        int[] perMinute = new int[minutes];
        try (Agent agent = new Agent(body, c, List.of())) {
            long[] last = {0};
            agent.loop().addObserver((tick, s, cmd) -> {
                if ((tick + 1) % MINUTE != 0) return;
                long now = body.world().collisions();
                perMinute[(int) (tick / MINUTE)] = (int) (now - last[0]);
                last[0] = now;
            });
            agent.loop().runTicks((long) minutes * MINUTE);
        }
        return perMinute;
    }

    static int sum(int[] a, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) s += a[i];
        return s;
    }

    @Test
    void theLearnedM1TurnsCollisionsIntoNearMisses() throws Exception {
        int on = 0;
        int off = 0;
        for (long seed : new long[] {7, 11}) {
            int[] withM1 = collisionsPerMinute(seed, 1, 30);
            int[] without = collisionsPerMinute(seed, 0, 30);
            System.out.printf("seed %d: m1.cortex.weight 1: %s; 0: %s%n", seed, java.util.Arrays.toString(withM1),
                    java.util.Arrays.toString(without));
            on += sum(withM1, 20, 30);
            off += sum(without, 20, 30);
            assertThat(sum(withM1, 20, 30) / 10.0).as("seed %d: last 10 minutes against the first 5, per minute", seed)
                    .isLessThan(sum(withM1, 0, 5) / 5.0);
        }
        System.out.printf("last 10 minutes: %d collisions with the learned M1, %d without%n", on, off);
        assertThat(on).isLessThanOrEqualTo((int) (0.6 * off));
    }

    @Test
    void aTrainedReadOutStillReachesTheSong() throws Exception {
        Config c = ScenarioTest.config("sim.seed=7", "m1.cortex.weight=1");
        SimBody body = new SimBody(c);
        World w = body.world();
        double tx = 3.6;
        double ty = 1.5;
        Random r = new Random(7);
        long trainTicks = 20L * MINUTE;
        int starts = 50;
        int[] reached = {0};
        int[] trials = {0};
        long[] start = {-1};
        long[] ticks = {0};
        try (Agent agent = new Agent(body, c, List.of())) {
            agent.loop().addObserver((tick, s, cmd) -> {
                if (tick + 1 < trainTicks) return;
                boolean there = Math.hypot(w.x() - tx, w.y() - ty) <= 0.3;
                boolean over = start[0] >= 0 && (there || tick - start[0] >= MINUTE);
                if (over && there) {
                    reached[0]++;
                    ticks[0] += tick - start[0];
                }
                if (start[0] >= 0 && !over) return;
                if (start[0] >= 0) trials[0]++;
                if (trials[0] == starts) {
                    agent.loop().requestStop();
                    return;
                }
                double x;
                double y;
                do { // picked up and put down anywhere clear, at least 1 m from the song, any heading
                    x = 0.2 + 3.6 * r.nextDouble();
                    y = 0.2 + 2.6 * r.nextDouble();
                } while (Approach.blocked(w, x, y) || Math.hypot(x - tx, y - ty) < 1.0);
                w.place(x, y, 2 * Math.PI * r.nextDouble());
                start[0] = tick;
            });
            agent.loop().runTicks(Long.MAX_VALUE);
            System.out.printf("trained read-out: reached %d of %d starts within 60 s, in %.1f s on average; it acted on %d ticks%n",
                    reached[0], trials[0], ticks[0] / 10.0 / Math.max(1, reached[0]), agent.m1().anticipatedTicks());
            assertThat(agent.m1().anticipatedTicks()).as("the read-out acted").isGreaterThan(1000);
        }
        assertThat(trials[0]).isEqualTo(starts);
        assertThat(reached[0]).isGreaterThanOrEqualTo(48);
    }
}
