package org.ev3cortex.cortex;

import org.ev3cortex.agent.MotorCommands;
import org.ev3cortex.agent.Stage;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;

/**
 * The sheet as a tick-loop stage. The pathway stages that run before it feed their areas with
 * {@code sheet().input(...)}; this stage then steps the sheet once per tick.
 */
public final class CortexStage implements Stage {
    private Sheet sheet;
    private Config applied;

    @Override
    public String name() {
        return "cortex";
    }

    /** The sheet; built by the first {@link #configure}, rebuilt when a restart-only key changes. */
    public Sheet sheet() {
        if (sheet == null) throw new IllegalStateException("the cortex stage is not configured yet");
        return sheet;
    }

    @Override
    public void configure(Config config) {
        boolean rebuild = sheet == null;
        if (!rebuild) {
            for (var k : config.changedKeys(applied)) {
                if (k.restartOnly() && k.section().equals("cortex")) rebuild = true;
            }
        }
        if (rebuild) {
            sheet = new Sheet(config);
        } else {
            sheet.configure(config);
        }
        applied = config;
    }

    @Override
    public void update(Snapshot in, MotorCommands out) {
        sheet.step();
    }
}
