package org.ev3cortex.m1;

import java.util.List;
import org.ev3cortex.agent.Stage;

/** The motor side of the agent, in tick order, sharing one {@link MotorContext}. */
public final class MotorStages {
    public final MotorContext context = new MotorContext();
    public final SenseFeatures senses = new SenseFeatures(context);
    public final EfferenceMonitor efference = new EfferenceMonitor(context);
    public final ActionSelection selection = new ActionSelection(context);
    public final MotorCortex m1;

    public MotorStages(int maxSpeedCountsPerSec) {
        m1 = new MotorCortex(context, maxSpeedCountsPerSec);
    }

    public List<Stage> stages() {
        return List.of(senses, efference, selection, m1);
    }
}
