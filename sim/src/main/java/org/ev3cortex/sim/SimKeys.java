package org.ev3cortex.sim;

import org.ev3cortex.agent.AgentSchema;
import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;
import org.ev3cortex.sim.world.Colour;
import org.ev3cortex.sim.world.WorldSpec;

/**
 * The simulator's keys: the world (arena, obstacles, lights, sounds), the robot's geometry and
 * the physics. They extend the agent's schema only in the simulator, so a brick config that
 * mentions {@code sim.*} is rejected as unknown there.
 */
public final class SimKeys {
    private SimKeys() {}


    public static final Key<Integer> SEED = Key.intKey("sim.seed", 1).range(0, Integer.MAX_VALUE).restartOnly()
            .doc("Seed of every random choice in the simulator; the same seed gives the same run, bit for bit.");
    public static final Key<Double> WIDTH_M = Key.doubleKey("sim.world.widthM", 4.0).unit("m").range(0.5, 100)
            .restartOnly().doc("Arena width (x), walled on all sides.");
    public static final Key<Double> HEIGHT_M = Key.doubleKey("sim.world.heightM", 3.0).unit("m").range(0.5, 100)
            .restartOnly().doc("Arena depth (y).");
    public static final Key<String> WALL_COLOUR = Key.stringKey("sim.world.wallColour", "#b0b0b8").restartOnly()
            .syntax(v -> colourProblem(v)).doc("Colour of the arena walls: #rrggbb or a name.");
    public static final Key<String> SKY_COLOUR = Key.stringKey("sim.world.skyColour", "#dfe8f4").restartOnly()
            .syntax(v -> colourProblem(v)).doc("Colour above the walls (lighter than the ground).");
    public static final Key<String> GROUND_COLOUR = Key.stringKey("sim.world.groundColour", "#585040").restartOnly()
            .syntax(v -> colourProblem(v)).doc("Colour of the floor.");
    public static final Key<Double> WALL_HEIGHT_M = Key.doubleKey("sim.world.wallHeightM", 0.3).unit("m")
            .range(0.01, 5).restartOnly().doc("Height of walls and obstacles, as the camera sees them.");
    public static final Key<String> OBSTACLES = Key.stringKey("sim.world.obstacles",
            "box 1.3 2.1 0.4 0.4 red; cylinder 2.4 1.1 0.2 blue; box 3.0 2.55 0.5 0.3 yellow")
            .allowEmpty().restartOnly()
            .syntax(v -> WorldSpec.check(() -> WorldSpec.obstacles(v)))
            .doc("Obstacles: 'box X Y W H COLOUR' (centre, size, m) or 'cylinder X Y R COLOUR', separated by ';'.");
    public static final Key<String> LIGHTS = Key.stringKey("sim.world.lights", "0.4 2.6 1.0")
            .allowEmpty().restartOnly()
            .syntax(v -> WorldSpec.check(() -> WorldSpec.lights(v)))
            .doc("Light sources: 'X Y INTENSITY', separated by ';'.");
    public static final Key<String> SOUNDS = Key.stringKey("sim.world.sounds", "tone 3.6 1.5 880 0.6 on=0.3 period=0.6")
            .allowEmpty().restartOnly()
            .syntax(v -> WorldSpec.check(() -> WorldSpec.sounds(v, 0, null)))
            .doc("Sound sources: 'tone X Y HZ LEVEL', 'chirp X Y F0 F1 LEVEL', 'noise X Y LEVEL' or 'wav X Y PATH LEVEL'"
                    + " (path relative to the file), each with optional on=S period=S rhythm; separated by ';'.");

    public static final Key<Double> ROBOT_X = Key.doubleKey("sim.robot.x", 0.6).unit("m").range(0, 100)
            .restartOnly().doc("Start position x of the robot's centre.");
    public static final Key<Double> ROBOT_Y = Key.doubleKey("sim.robot.y", 0.6).unit("m").range(0, 100)
            .restartOnly().doc("Start position y.");
    public static final Key<Double> ROBOT_HEADING_DEG = Key.doubleKey("sim.robot.headingDeg", 30).unit("deg")
            .range(-360, 360).restartOnly().doc("Start heading, counter-clockwise from +x.");
    public static final Key<Double> ROBOT_RADIUS_M = Key.doubleKey("sim.robot.radiusM", 0.09).unit("m")
            .range(0.02, 1).restartOnly().doc("The robot's footprint, a disc.");
    public static final Key<Double> WHEEL_RADIUS_M = Key.doubleKey("sim.robot.wheelRadiusM", 0.028).unit("m")
            .range(0.005, 0.5).restartOnly().doc("Wheel radius (the EV3 set's 56 mm tyre).");
    public static final Key<Double> TRACK_M = Key.doubleKey("sim.robot.trackM", 0.12).unit("m")
            .range(0.02, 1).restartOnly().doc("Distance between the wheels.");
    public static final Key<Double> CAMERA_FOV_DEG = Key.doubleKey("sim.camera.fovDeg", 60).unit("deg")
            .range(10, 170).restartOnly().doc("Horizontal field of view of the simulated webcam.");
    public static final Key<Double> CAMERA_HEIGHT_M = Key.doubleKey("sim.camera.heightM", 0.12).unit("m")
            .range(0.01, 2).restartOnly().doc("Camera height above the floor.");
    public static final Key<Double> EAR_SPACING_M = Key.doubleKey("sim.mic.earSpacingM", 0.12).unit("m")
            .range(0.01, 1).restartOnly().doc("Distance between the two microphones (left and right of the centre).");
    public static final Key<Double> MIC_NOISE = Key.doubleKey("sim.mic.noiseFloor", 0.002).range(0, 1).restartOnly()
            .doc("Microphone self-noise, as a fraction of full scale (standard deviation).");

    public static final Key<Double> MOTOR_TAU_MS = Key.doubleKey("sim.motor.tauMs", 60).unit("ms").range(1, 2000)
            .restartOnly().doc("Time constant of the first-order wheel-speed response.");
    public static final Key<Integer> MOTOR_MAX_SPEED = Key.intKey("sim.motor.maxSpeedCountsPerSec", 1050)
            .unit("counts/s").range(1, 5000).restartOnly().doc("max_speed of the simulated motors (EV3 large motor: 1050).");
    public static final Key<Boolean> REPORT_STALL = Key.boolKey("sim.motor.reportStall", true).restartOnly()
            .doc("Whether motors raise ev3dev's 'stalled' flag; off to test stall detection without it.");
    public static final Key<Integer> STEP_MS = Key.intKey("sim.physics.stepMs", 5).unit("ms").range(1, 100)
            .restartOnly().doc("Fixed physics step on the simulated clock.");
    public static final Key<Double> BATTERY_FULL_V = Key.doubleKey("sim.battery.fullV", 8.4).unit("V").range(1, 12)
            .restartOnly().doc("Open-circuit voltage when full (EV3 rechargeable pack).");
    public static final Key<Double> BATTERY_EMPTY_V = Key.doubleKey("sim.battery.emptyV", 7.2).unit("V").range(1, 12)
            .restartOnly().doc("Open-circuit voltage when empty.");
    public static final Key<Double> BATTERY_CAPACITY_MAH = Key.doubleKey("sim.battery.capacityMah", 2050).unit("mAh")
            .range(0.01, 100_000).restartOnly().doc("Capacity; the voltage falls linearly with the charge used.");
    public static final Key<Double> BATTERY_IDLE_A = Key.doubleKey("sim.battery.idleA", 0.15).unit("A").range(0, 10)
            .restartOnly().doc("Current drawn by the brick itself.");
    public static final Key<Double> MOTOR_FULL_SPEED_A = Key.doubleKey("sim.battery.motorFullSpeedA", 0.45).unit("A")
            .range(0, 10).restartOnly().doc("Current per motor at full speed, unloaded.");
    public static final Key<Double> MOTOR_STALL_A = Key.doubleKey("sim.battery.motorStallA", 1.8).unit("A")
            .range(0, 20).restartOnly().doc("Current per stalled motor.");
    public static final Key<Double> BATTERY_R_OHM = Key.doubleKey("sim.battery.internalOhm", 0.25).unit("ohm")
            .range(0, 10).restartOnly().doc("Internal resistance: the voltage sags under load.");
    public static final Key<Boolean> HOST_STATS = Key.boolKey("sim.hostStats", false).restartOnly()
            .doc("The Insula's CPU, memory, temperature and processes from this host through OSHI (true), or from the"
                    + " simulated brick's seeded model (false): a run then depends only on its seed and config.");

    public static final List<Key<?>> ALL = List.of(SEED, WIDTH_M, HEIGHT_M, WALL_COLOUR, SKY_COLOUR, GROUND_COLOUR,
            WALL_HEIGHT_M, OBSTACLES, LIGHTS, SOUNDS, ROBOT_X, ROBOT_Y, ROBOT_HEADING_DEG, ROBOT_RADIUS_M,
            WHEEL_RADIUS_M, TRACK_M, CAMERA_FOV_DEG, CAMERA_HEIGHT_M, EAR_SPACING_M, MIC_NOISE, MOTOR_TAU_MS,
            MOTOR_MAX_SPEED, REPORT_STALL, STEP_MS, BATTERY_FULL_V, BATTERY_EMPTY_V, BATTERY_CAPACITY_MAH,
            BATTERY_IDLE_A, MOTOR_FULL_SPEED_A, MOTOR_STALL_A, BATTERY_R_OHM, HOST_STATS);

    public static final List<Schema.Rule> RULES = List.of(
            Schema.Rule.of(OBSTACLES, WorldSpec::outsideArena),
            Schema.Rule.of(SOUNDS, WorldSpec::soundsOutsideOrMissing),
            Schema.Rule.of(ROBOT_X, c -> {
                double r = c.get(ROBOT_RADIUS_M);
                double x = c.get(ROBOT_X);
                double y = c.get(ROBOT_Y);
                if (x - r < 0 || y - r < 0 || x + r > c.get(WIDTH_M) || y + r > c.get(HEIGHT_M)) {
                    return "the robot at " + x + "," + y + " (radius " + r + " m) is not inside the arena";
                }
                for (org.ev3cortex.sim.world.Obstacle o : WorldSpec.obstacles(c.get(OBSTACLES))) {
                    if (o.overlapsDisc(x, y, r)) return "the robot starts inside an obstacle (" + o + ")";
                }
                return null;
            }).orBlame(ROBOT_Y, OBSTACLES, ROBOT_RADIUS_M, WIDTH_M, HEIGHT_M),
            Schema.Rule.of(BATTERY_EMPTY_V, c -> c.get(BATTERY_EMPTY_V) < c.get(BATTERY_FULL_V) ? null
                    : "must be below sim.battery.fullV (" + c.get(BATTERY_FULL_V) + " V)"));

    private static final Schema SCHEMA = AgentSchema.schema().extend(ALL, RULES);

    /** The agent's keys plus the simulator's. */
    public static Schema schema() {
        return SCHEMA;
    }

    private static String colourProblem(String v) {
        try {
            Colour.parse(v);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
