package org.ev3cortex.sim.viewer;

import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.body.Snapshot;

/**
 * Panels for the agent's own arrays (V1 maps, A1 spectrum, the sheet, histograms). Each copies
 * what it shows after a tick, under the viewer's lock, and paints from its copy.
 */
public final class ViewerPanels {
    private ViewerPanels() {}

    /** One live panel. */
    public interface Panel {
        String title();

        /** Copies this tick's data; called on the loop thread under the viewer lock. Must not allocate. */
        void copy(long tick, Snapshot s);

        JComponent component(Object lock);
    }

    static List<Panel> forAgent(Agent agent) {
        List<Panel> panels = new ArrayList<>();
        return panels;
    }
}
