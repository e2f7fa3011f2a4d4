package org.ev3cortex.agent;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.ReloadVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-over of a new config to the loop: submitted from any thread, taken up whole at the
 * start of the next tick, refused (with a verdict) when it changes a restart-only key.
 */
final class ConfigSwap {
    private static final Logger log = LoggerFactory.getLogger(TickLoop.class);

    private final AtomicReference<Config> pending = new AtomicReference<>();
    private volatile Consumer<ReloadVerdict> verdicts; // null: nobody listens

    void submit(Config next) {
        pending.set(next);
    }

    void onVerdict(Consumer<ReloadVerdict> listener) {
        verdicts = listener;
    }

    /** The config to apply before this tick, or null: none pending, or refused. Loop thread. */
    Config take(Config current, long tick) {
        Config next = pending.getAndSet(null);
        if (next == null) return null;
        for (Key<?> k : next.changedKeys(current)) {
            if (k.restartOnly()) {
                log.warn("config not applied: restart-only key {} changed; restart the agent", k.name());
                publish(new ReloadVerdict(ReloadVerdict.Status.RESTART_REQUIRED, List.of(k.name() + " is restart-only"), tick));
                return null;
            }
        }
        return next;
    }

    /** The loop has applied {@code next}; tells the listener. */
    void applied(Config next, long tick) {
        publish(new ReloadVerdict(ReloadVerdict.Status.APPLIED, List.of(), tick));
        log.info("config applied at tick {}", tick);
    }

    private void publish(ReloadVerdict v) {
        Consumer<ReloadVerdict> l = verdicts;
        if (l != null) l.accept(v);
    }
}
