package org.ev3cortex.sim.viewer;

import org.ev3cortex.agent.Agent;
import org.ev3cortex.sim.body.SimBody;

/** The live Swing viewer (placeholder until it is built). */
public final class Viewer {
    private Viewer() {}

    public static int show(Agent agent, SimBody body) {
        throw new UnsupportedOperationException("viewer not built yet");
    }
}
