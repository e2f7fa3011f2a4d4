package org.ev3cortex.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ev3cortex.config.Config;
import org.ev3cortex.record.Recorder;
import org.ev3cortex.s1.S1Keys;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.OpCount;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.status.StatusKeys;

/**
 * What one tick of a config would cost on the EV3, estimated from the operations each stage
 * reports ({@link Stage#countOps}) and what each kind costs on the brick's ARM926 with no FPU.
 * A desktop timing cannot show this: x86 does a float operation as fast as an int one.
 *
 * <p>The cost table, in ARM926 instructions, comes from {@code ../shared/docs/FACTS.md} ("What
 * arithmetic costs on the brick", measured per element of a loop, loop overhead included): float
 * add 44; multiply 38 (a multiply-add's 77 less the add); divide 125 (164 less the add); sqrt,
 * exp, log 600 (sqrtf 438, logf 681, expf 722 without the add); a conversion 26 (u8 to float and
 * add, 68, less the add); a compare 25 (a library compare, estimated); a double operation 60
 * (a double multiply-add is 105). C1 calls a runtime routine for every soft-float operation, an
 * overhead FACTS.md does not measure: it is the stated factor {@link #C1_CALL_FACTOR} on those
 * kinds. An int operation is 1 instruction and a byte moved a quarter of one (a word per load).
 * The brick runs about 200 M instructions per second (300 MHz at about 1.5 cycles each).
 *
 * <p>Only the stages are counted, and the recorder when it runs ({@code --record},
 * {@code record.file} or {@code telemetry.port}; its line is both its threads' work per tick at the
 * record.* rates, see {@link Recorder#countOps}): reading the devices, the write phase, the JVM,
 * the capture processes and the OS take their share of the period on top.
 */
public final class BrickBudget {
    static final double FADD = 44, FMUL = 38, FDIV = 125, FMATH = 600, FCONV = 26, FCMP = 25, DOP = 60;
    static final double IOP = 1, BYTE = 0.25;
    /** C1's call into a soft-float routine, on top of the routine itself (an assumption, see above). */
    static final double C1_CALL_FACTOR = 1.5;
    static final double INSTRUCTIONS_PER_MS = 200_000;

    /** One stage's line. */
    public static final class Line {
        public final String stage;
        public final OpCount ops;
        public final double ms;

        Line(String stage, OpCount ops, double ms) {
            this.stage = stage;
            this.ops = ops;
            this.ms = ms;
        }
    }

    private final List<Line> lines;
    private final double periodMs;

    private BrickBudget(List<Line> lines, double periodMs) {
        this.lines = lines;
        this.periodMs = periodMs;
    }

    /** The budget of configured stages (e.g. a running agent's, between ticks). */
    public static BrickBudget of(List<Stage> stages, Config config) {
        List<Line> lines = new ArrayList<>();
        for (Stage s : stages) {
            OpCount c = new OpCount();
            s.countOps(c);
            lines.add(new Line(s.name(), c, ms(c)));
        }
        return new BrickBudget(lines, config.get(LoopKeys.PERIOD_MS));
    }

    /** The budget of a config: builds and configures the agent's stages (no body, no loop). */
    public static BrickBudget of(Config config) {
        List<Stage> stages = new Stages(config.get(S1Keys.MAX_SPEED)).inOrder();
        for (Stage s : stages) s.configure(config);
        return of(stages, config);
    }

    /**
     * The budget of a config with the recorder's line when {@code recording} (a file) or
     * {@code telemetry.port} is set: what the loop runs with {@code --record}.
     */
    public static BrickBudget of(Config config, boolean recording) {
        BrickBudget b = of(config);
        boolean telemetry = config.get(StatusKeys.TELEMETRY_PORT) != 0;
        if (recording || telemetry) {
            OpCount c = new OpCount();
            Recorder.countOps(config, telemetry, c);
            b.lines.add(new Line(telemetry ? "recorder+telemetry" : "recorder", c, ms(c)));
        }
        return b;
    }

    /** Estimated ARM926 milliseconds of these operations. */
    public static double ms(OpCount c) {
        double soft = c.fadd * FADD + c.fmul * FMUL + c.fdiv * FDIV + c.fmath * FMATH + c.fconv * FCONV
                + c.fcmp * FCMP + c.dop * DOP;
        double instructions = soft * C1_CALL_FACTOR + c.iop * IOP + c.bytes * BYTE;
        return instructions / INSTRUCTIONS_PER_MS;
    }

    public List<Line> lines() {
        return lines;
    }

    public double totalMs() {
        double t = 0;
        for (Line l : lines) t += l.ms;
        return t;
    }

    public double periodMs() {
        return periodMs;
    }

    /** Share of the period, in percent. */
    public double percentOfPeriod() {
        return 100 * totalMs() / periodMs;
    }

    /** The table {@code --print-budget} prints; its last line is the total. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-18s %12s %10s %10s %12s %9s %7s%n",
                "stage", "soft-float", "of which", "int ops", "array bytes", "brick ms", "period"));
        b.append(String.format(Locale.ROOT, "%-18s %12s %10s %10s %12s %9s %7s%n",
                "", "ops", "sqrt/exp", "", "", "(est.)", ""));
        for (Line l : lines) {
            b.append(String.format(Locale.ROOT, "%-18s %12d %10d %10d %12d %9.1f %6.1f%%%n", l.stage,
                    l.ops.softFloat(), l.ops.fmath, l.ops.iop, l.ops.bytes, l.ms, 100 * l.ms / periodMs));
        }
        b.append(String.format(Locale.ROOT, "total: %.0f ms of the %.0f ms period (%.0f%%)%n",
                totalMs(), periodMs, percentOfPeriod()));
        return b.toString();
    }
}
