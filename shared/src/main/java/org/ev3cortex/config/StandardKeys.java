package org.ev3cortex.config;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.agent.AgentKeys;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.status.StatusKeys;

/** The list of every {@code *Keys} class; a new area adds its class here and nowhere else. */
final class StandardKeys {
    private StandardKeys() {}

    static List<Key<?>> all() {
        List<Key<?>> all = new ArrayList<>();
        all.addAll(AgentKeys.ALL);
        all.addAll(BodyKeys.ALL);
        all.addAll(StatusKeys.ALL);
        return all;
    }

    static List<Schema.Rule> rules() {
        List<Schema.Rule> rules = new ArrayList<>();
        rules.addAll(AgentKeys.RULES);
        rules.addAll(BodyKeys.RULES);
        rules.addAll(StatusKeys.RULES);
        return rules;
    }
}
