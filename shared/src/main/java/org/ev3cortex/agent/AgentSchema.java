package org.ev3cortex.agent;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.a1.A1;
import org.ev3cortex.a1.A1Keys;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Ev3Keys;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;
import org.ev3cortex.cortex.CortexKeys;
import org.ev3cortex.cortex.Layout;
import org.ev3cortex.ganglia.GangliaKeys;
import org.ev3cortex.insula.Insula;
import org.ev3cortex.insula.InsulaKeys;
import org.ev3cortex.m1.M1Keys;
import org.ev3cortex.m1.MotorCortex;
import org.ev3cortex.s1.S1;
import org.ev3cortex.s1.S1Keys;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.PathwayShapes;
import org.ev3cortex.status.StatusKeys;
import org.ev3cortex.v1.V1;
import org.ev3cortex.v1.V1Keys;

/**
 * Every key ev3cortex knows, on every body, and the rules across them: the list of all
 * {@code *Keys} classes lives here, at the composition root, so that {@code config} knows none of
 * our packages. A new area adds its class here and nowhere else.
 */
public final class AgentSchema {
    private AgentSchema() {}

    /** Every key ev3cortex knows, on every body. */
    public static Schema schema() {
        return SCHEMA;
    }

    /** Every key at its default. */
    public static Config defaults() {
        return Config.defaults(SCHEMA);
    }

    /** A loader for {@link #schema()}. */
    public static ConfigLoader loader() {
        return new ConfigLoader(SCHEMA);
    }

    /**
     * What feeds each input area of the sheet, as the pathways declare it. If-chains rather than a
     * switch: a switch on an enum would add a synthetic class to the brick's start-up.
     */
    static final PathwayShapes PATHWAY_SHAPES = new PathwayShapes() {
        @Override
        public int[] of(Region r, Config c) {
            if (r == Region.V1_L || r == Region.V1_R) return V1.Settings.of(c).areaShape();
            if (r == Region.A1_L || r == Region.A1_R) return A1.areaShape(c);
            if (r == Region.S1) return S1.shapeFor(c);
            if (r == Region.INSULA) return new int[] {Insula.SIZE, 1};
            if (r == Region.M1) return MotorCortex.areaShape(c);
            return null;
        }

        @Override
        public String source(Region r) {
            if (r == Region.V1_L || r == Region.V1_R) return V1.SHAPE_SOURCE;
            if (r == Region.A1_L || r == Region.A1_R) return A1.SHAPE_SOURCE;
            if (r == Region.S1) return S1.SHAPE_SOURCE;
            if (r == Region.INSULA) return Insula.SHAPE_SOURCE;
            if (r == Region.M1) return MotorCortex.SHAPE_SOURCE;
            return null;
        }
    };

    // After PATHWAY_SHAPES: the rules built here use it.
    private static final Schema SCHEMA = new Schema(all(), rules());

    private static List<Key<?>> all() {
        List<Key<?>> all = new ArrayList<>();
        all.addAll(LoopKeys.ALL);
        all.addAll(BodyKeys.ALL);
        all.addAll(V1Keys.ALL);
        all.addAll(A1Keys.ALL);
        all.addAll(S1Keys.ALL);
        all.addAll(InsulaKeys.ALL);
        all.addAll(CortexKeys.ALL);
        all.addAll(M1Keys.ALL);
        all.addAll(GangliaKeys.ALL);
        all.addAll(Ev3Keys.ALL);
        all.addAll(StatusKeys.ALL);
        return all;
    }

    private static List<Schema.Rule> rules() {
        List<Schema.Rule> rules = new ArrayList<>();
        rules.addAll(LoopKeys.RULES);
        rules.addAll(BodyKeys.RULES);
        rules.addAll(V1Keys.RULES);
        rules.addAll(A1Keys.RULES);
        rules.addAll(S1Keys.RULES);
        rules.addAll(InsulaKeys.RULES);
        rules.addAll(CortexKeys.RULES);
        rules.addAll(Layout.rules(PATHWAY_SHAPES));
        rules.addAll(M1Keys.RULES);
        rules.addAll(GangliaKeys.RULES);
        rules.addAll(Ev3Keys.RULES);
        rules.addAll(StatusKeys.RULES);
        return rules;
    }
}
