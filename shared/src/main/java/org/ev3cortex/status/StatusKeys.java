package org.ev3cortex.status;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/** Keys of the status file a running agent publishes for {@code deploy status} and {@code deploy tune}. */
public final class StatusKeys {
    private StatusKeys() {}

    public static final Key<String> FILE = Key.stringKey("status.file", "")
            .restartOnly().allowEmpty()
            .doc("Where the agent publishes its state (pid, uptime, ticks, tick rate, last error, last reload verdict)"
                    + " as a properties file, replaced atomically; empty turns it off. The deploy launcher sets it to"
                    + " <remote dir>/run/status.properties.");
    public static final Key<Integer> INTERVAL_MS = Key.intKey("status.intervalMs", 1_000)
            .unit("ms").range(100, 60_000).restartOnly()
            .doc("How often the status file is rewritten (from a background thread, never from the tick).");

    public static final List<Key<?>> ALL = List.of(FILE, INTERVAL_MS);

    public static final List<Schema.Rule> RULES = List.of();
}
