package org.ev3cortex.thalamus;

import java.util.List;
import org.ev3cortex.a1.A1;
import org.ev3cortex.agent.Stage;
import org.ev3cortex.config.Config;
import org.ev3cortex.insula.Insula;
import org.ev3cortex.s1.S1;
import org.ev3cortex.v1.V1;

/**
 * The four sensory pathways built from one config, in tick order: V1, A1, S1, Insula. Their
 * outputs are the stages' areas ({@code v1().left()}, {@code a1().right()}, {@code s1().area()}...).
 */
public final class Thalamus {
    private final V1 v1;
    private final A1 a1;
    private final S1 s1;
    private final Insula insula;

    public Thalamus(Config c) {
        v1 = V1.fromConfig(c);
        a1 = A1.fromConfig(c);
        s1 = S1.fromConfig(c);
        insula = Insula.fromConfig(c);
    }

    /** The stages, ready to hand to the tick loop (which calls {@code configure} again; that is fine). */
    public List<Stage> stages() {
        return List.of(v1, a1, s1, insula);
    }

    public V1 v1() { return v1; }
    public A1 a1() { return a1; }
    public S1 s1() { return s1; }
    public Insula insula() { return insula; }
}
