package org.ev3cortex.sim;

import java.util.List;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.config.Config;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.world.Obstacle;
import org.ev3cortex.sim.world.World;

/**
 * One run of the agent toward a target, for the scenario tests: the closest it came, and the
 * tick it first got within 0.3 m (the run stops there), or -1.
 */
final class Approach {
    final double closestM;
    final long reachedTick;
    final long collisions;

    private Approach(double closestM, long reachedTick, long collisions) {
        this.closestM = closestM;
        this.reachedTick = reachedTick;
        this.collisions = collisions;
    }

    boolean reached() {
        return reachedTick >= 0;
    }

    /** Runs at most {@code ticks} ticks of the simulator configured by {@code c}, toward (tx, ty). */
    static Approach run(Config c, double tx, double ty, int ticks) throws Exception {
        SimBody body = new SimBody(c);
        try (Agent agent = new Agent(body, c, List.of())) {
            double[] closest = {Double.MAX_VALUE};
            long[] when = {-1};
            agent.loop().addObserver((tick, s, cmd) -> {
                double d = Math.hypot(body.world().x() - tx, body.world().y() - ty);
                if (d < closest[0]) closest[0] = d;
                if (d <= 0.3 && when[0] < 0) {
                    when[0] = tick;
                    agent.loop().requestStop();
                }
            });
            agent.loop().runTicks(ticks);
            return new Approach(closest[0], when[0], body.world().collisions());
        }
    }

    /** Whether a robot at (x, y) would touch a wall or an obstacle, with 5 cm to spare: not a start. */
    static boolean blocked(World w, double x, double y) {
        double r = w.robotRadiusM + 0.05;
        if (x - r < 0 || y - r < 0 || x + r > w.widthM || y + r > w.heightM) return true;
        for (Obstacle o : w.obstacles) if (o.overlapsDisc(x, y, r)) return true;
        return false;
    }
}
