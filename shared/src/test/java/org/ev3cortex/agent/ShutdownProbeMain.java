package org.ev3cortex.agent;

import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.TickData;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import java.util.List;
import org.ev3cortex.body.Battery;
import org.ev3cortex.body.Body;
import org.ev3cortex.body.Camera;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.Microphone;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.body.SystemClock;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.body.Touch;
import org.ev3cortex.config.Config;

/**
 * A child process for {@link ShutdownTest}: runs the real loop with the real shutdown hook on a
 * body whose motors print every command to stdout, so the parent sees what happened after it
 * sent a signal.
 */
public final class ShutdownProbeMain {
    private ShutdownProbeMain() {}

    static final class PrintingMotors implements Motors {
        private final int[] speed = new int[2];

        @Override public int count() { return 2; }
        @Override public String port(int motor) { return motor == 0 ? "outB" : "outC"; }
        @Override public int maxSpeedCountsPerSec(int motor) { return 1050; }
        @Override public int countsPerRotation(int motor) { return 360; }

        @Override public synchronized void read(MotorState into) {
            for (int i = 0; i < 2; i++) into.speedCountsPerSec[i] = speed[i];
        }

        @Override public synchronized void runForever(int motor, int s) {
            if (speed[motor] != s) System.out.println("RUN " + motor + " " + s);
            speed[motor] = s;
        }

        @Override public void runToRelPos(int motor, int delta, int s) { runForever(motor, s); }
        @Override public void runTimed(int motor, int ms, int s) { runForever(motor, s); }

        @Override public synchronized void stop(int motor, StopAction action) {
            speed[motor] = 0;
            System.out.println("STOP " + motor + " " + action.sysfs());
            System.out.flush();
        }
    }

    public static void main(String[] args) throws Exception {
        PrintingMotors motors = new PrintingMotors();
        Body body = new Body() {
            @Override public Camera camera() { return null; }
            @Override public Microphone microphone() { return null; }
            @Override public Motors motors() { return motors; }
            @Override public Battery battery() { return BATTERY; }
            @Override public SystemStats systemStats() { return null; }
            @Override public Touch touch() { return Touch.NONE; }
            @Override public Clock clock() { return SystemClock.INSTANCE; }
            @Override public String describe() { return "printing body"; }
            @Override public void close() { }
        };
        Stage drive = new Stage() {
            @Override public String name() { return "drive"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                out.runForever(0, 400);
                out.runForever(1, 400);
                if (in.tick == 5) {
                    System.out.println("READY");
                    System.out.flush();
                }
            }
        };
        TickLoop loop = new TickLoop(body, List.of(drive), AgentSchema.defaults().with(LoopKeys.PERIOD_MS, 20));
        ShutdownCoordinator shutdown = new ShutdownCoordinator(loop);
        shutdown.install();
        loop.runTicks(Long.MAX_VALUE);
        System.out.println("LOOP ENDED " + loop.state());
        shutdown.done();
    }

    private static final Battery BATTERY = new Battery() {
        @Override public double voltageV() { return 8.0; }
        @Override public double currentA() { return 0.3; }
    };
}
