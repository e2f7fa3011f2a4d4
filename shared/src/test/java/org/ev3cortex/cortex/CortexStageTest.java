package org.ev3cortex.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ev3cortex.agent.AgentSchema;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.PathwayOutput;
import org.ev3cortex.seam.Pathway;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.TickData;
import org.junit.jupiter.api.Test;

/**
 * The stage feeds each registered pathway into its area, steps its sheet once per update, keeps
 * it across hot changes, and publishes each area's surprise.
 */
class CortexStageTest {
    @Test
    void feedsThePathwaysStepsOnceAndPublishesSurprise() throws Exception {
        Config c = AgentSchema.defaults();
        Area s1Area = Layout.from(c).area(Area.S1);
        PathwayOutput s1 = new PathwayOutput(Region.S1);
        s1.reshape(s1Area.width(), s1Area.height()); // same size: copied one to one
        for (int i = 0; i < s1.output().length; i++) s1.output()[i] = 0.01f * i;
        CortexStage stage = new CortexStage(List.<Pathway>of(s1), null);
        assertThatThrownBy(stage::sheet).hasMessageContaining("not configured");
        stage.configure(c);
        Sheet first = stage.sheet();
        TickData td = new TickData(new Snapshot(0, 0, 0, 0), new MotorCommands(0));
        stage.update(td);
        stage.update(td);
        assertThat(first.ticks()).isEqualTo(2);
        float[] x = first.activity();
        for (int i = 0; i < s1.output().length; i++) assertThat(x[s1Area.start() + i]).isEqualTo(0.01f * i);
        for (Area a : first.areas()) {
            if (!a.predicting()) continue;
            assertThat(td.percepts().surprise(Region.ofLabel(a.name()))).isEqualTo(first.areaSurprise()[a.index()]);
        }
        stage.configure(c.with(CortexKeys.LMS_RATE, 0.05).with(CortexKeys.PREDICT_SPACE, false));
        assertThat(stage.sheet()).isSameAs(first);
    }
}
