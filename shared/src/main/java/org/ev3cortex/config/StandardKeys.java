package org.ev3cortex.config;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.agent.AgentKeys;
import org.ev3cortex.a1.A1Keys;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.insula.InsulaKeys;
import org.ev3cortex.s1.S1Keys;
import org.ev3cortex.v1.V1Keys;
import org.ev3cortex.cortex.CortexKeys;
import org.ev3cortex.m1.M1Keys;
import org.ev3cortex.body.Ev3Keys;
import org.ev3cortex.status.StatusKeys;

/** The list of every {@code *Keys} class; a new area adds its class here and nowhere else. */
final class StandardKeys {
    private StandardKeys() {}

    static List<Key<?>> all() {
        List<Key<?>> all = new ArrayList<>();
        all.addAll(AgentKeys.ALL);
        all.addAll(BodyKeys.ALL);
        all.addAll(V1Keys.ALL);
        all.addAll(A1Keys.ALL);
        all.addAll(S1Keys.ALL);
        all.addAll(InsulaKeys.ALL);
        all.addAll(CortexKeys.ALL);
        all.addAll(M1Keys.ALL);
        all.addAll(Ev3Keys.ALL);
        all.addAll(StatusKeys.ALL);
        return all;
    }

    static List<Schema.Rule> rules() {
        List<Schema.Rule> rules = new ArrayList<>();
        rules.addAll(AgentKeys.RULES);
        rules.addAll(BodyKeys.RULES);
        rules.addAll(V1Keys.RULES);
        rules.addAll(A1Keys.RULES);
        rules.addAll(S1Keys.RULES);
        rules.addAll(InsulaKeys.RULES);
        rules.addAll(CortexKeys.RULES);
        rules.addAll(M1Keys.RULES);
        rules.addAll(Ev3Keys.RULES);
        rules.addAll(StatusKeys.RULES);
        return rules;
    }
}
