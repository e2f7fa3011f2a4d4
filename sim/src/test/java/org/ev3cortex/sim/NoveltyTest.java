package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.config.Config;
import org.ev3cortex.ganglia.Behaviour;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.world.Obstacle;
import org.ev3cortex.sim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Novelty that steers: while the robot approaches the song, an object appears in view to one
 * side; the robot orients to it (selects ORIENT and turns toward its side) within 1 s, then hands
 * back to the song and still reaches it within 60 s. The issue asks for 18 of 20 seeds; orienting
 * to the sudden step of a hemifield's light reaches 20 of 20 (V1's area surprise reached 7), against
 * 0 of 20 in the same second of the same approaches without the object (see docs/behaviour.md).
 */
class NoveltyTest {
    static final int APPEAR_TICK = 80;

    /** {oriented within 1 s toward the object, reached the song within 60 s}, and a line. */
    static boolean[] trial(int seed, List<String> lines) throws Exception {
        return trial(seed, true, lines);
    }

    /**
     * One approach from seed's start; with {@code object}, the object appears at tick 80. Returns
     * {oriented within 1 s toward the object's side, reached the song within 60 s, oriented at all
     * in that second}; without an object it stops after that second.
     */
    static boolean[] trial(int seed, boolean object, List<String> lines) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        double y0 = 1.5 + 2 * r.nextDouble();
        double heading = -20 + 40 * r.nextDouble();
        int side = r.nextBoolean() ? 1 : -1; // +1: the object appears on the robot's left
        Config c = ScenarioTest.config("sim.seed=" + seed, "sim.world.widthM=6", "sim.world.heightM=5",
                "sim.world.obstacles=", "sim.world.lights=", "sim.world.sounds=tone 5.2 2.5 880 0.6 on=0.3 period=0.6",
                "sim.robot.x=0.8", "sim.robot.y=" + y0, "sim.robot.headingDeg=" + heading);
        SimBody body = new SimBody(c);
        World w = body.world();
        try (Agent agent = new Agent(body, c, List.of())) {
            long[] orientAt = {-1};
            double[] headingAt = new double[2];
            long[] reached = {-1};
            agent.loop().addObserver((tick, s, cmd) -> {
                if (object && tick == APPEAR_TICK - 1) {
                    // 0.9 m away, 25 degrees to the side of the robot's heading.
                    double a = w.heading() + side * Math.toRadians(25);
                    w.appear(Obstacle.box(w.x() + 0.9 * Math.cos(a), w.y() + 0.9 * Math.sin(a), 0.25, 0.25,
                            0x30A030));
                }
                if (Boolean.getBoolean("ev3cortex.trace") && tick >= APPEAR_TICK - 5 && tick <= APPEAR_TICK + 10) {
                    System.out.printf("tick %d z=%.2f L=%.3f R=%.3f %s%n", tick, agent.selection().noveltyZ(),
                            agent.percepts().surprise(org.ev3cortex.seam.Region.V1_R),
                            agent.percepts().surprise(org.ev3cortex.seam.Region.V1_L), agent.selection().active());
                }
                if (tick >= APPEAR_TICK && tick <= APPEAR_TICK + 10 && orientAt[0] < 0
                        && agent.selection().active() == Behaviour.ORIENT) {
                    orientAt[0] = tick;
                    headingAt[0] = w.turnedRad();
                }
                if (orientAt[0] >= 0 && tick == orientAt[0] + 3) headingAt[1] = w.turnedRad();
                if (reached[0] < 0 && Math.hypot(w.x() - 5.2, w.y() - 2.5) <= 0.3) {
                    reached[0] = tick;
                    agent.loop().requestStop();
                }
            });
            agent.loop().runTicks(object ? 600 : APPEAR_TICK + 11);
            if (orientAt[0] >= 0 && headingAt[1] == 0) headingAt[1] = w.turnedRad();
            boolean oriented = orientAt[0] >= 0 && Math.signum(headingAt[1] - headingAt[0]) == side;
            lines.add(String.format(java.util.Locale.ROOT, "seed %d: %s at tick %d; %s; %s", seed,
                    object ? (side > 0 ? "object on the left" : "object on the right") : "no object", APPEAR_TICK,
                    orientAt[0] < 0 ? "no orienting within 1 s"
                            : "oriented at tick " + orientAt[0] + " turning " + Math.round(Math.toDegrees(headingAt[1] - headingAt[0])) + " deg",
                    reached[0] < 0 ? "song not reached" : "song reached at " + reached[0] / 10.0 + " s"));
            return new boolean[] {oriented, reached[0] >= 0, orientAt[0] >= 0};
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = new ArrayList<>();
        boolean object = !Boolean.getBoolean("ev3cortex.noObject");
        for (String a : args) trial(Integer.parseInt(a), object, lines);
        lines.forEach(System.out::println);
    }

    @Test
    void anObjectThatAppearsIsOrientedToWithinOneSecondAndTheSongIsStillReached() throws Exception {
        List<String> lines = new ArrayList<>();
        int oriented = 0;
        int reached = 0;
        for (int seed = 1; seed <= 20; seed++) {
            boolean[] r = trial(seed, lines);
            if (r[0]) oriented++;
            if (r[1]) reached++;
        }
        String t = String.join("\n", lines) + "\noriented within 1 s: " + oriented + "/20, song reached: " + reached + "/20";
        System.out.println(t);
        assertThat(oriented).as(t).isGreaterThanOrEqualTo(18);
        assertThat(reached).as(t).isEqualTo(20);
    }

    @Test
    void withoutAnObjectTheRobotSeldomOrients() throws Exception {
        // The control: the same 20 approaches with nothing appearing orient in few of the same seconds.
        List<String> lines = new ArrayList<>();
        int spontaneous = 0;
        for (int seed = 1; seed <= 20; seed++) {
            if (trial(seed, false, lines)[2]) spontaneous++;
        }
        String t = String.join("\n", lines) + "\noriented in the same 1 s without an object: " + spontaneous + "/20";
        System.out.println(t);
        assertThat(spontaneous).as(t).isLessThanOrEqualTo(4);
    }
}
