package org.ev3cortex.ganglia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SwitchLogTest {

    @Test
    void accessorsIndexTheKeptSwitchesOldestFirstAcrossTheRingsWrap() {
        SwitchLog log = new SwitchLog(3);
        log.add(1, Behaviour.IDLE, Behaviour.EXPLORE, SwitchLog.Reason.SALIENCE, 0, 0.2);
        log.add(5, Behaviour.EXPLORE, Behaviour.PHONOTAXIS, SwitchLog.Reason.SALIENCE, 0.2, 0.35);
        log.add(9, Behaviour.PHONOTAXIS, Behaviour.BACK_OFF, SwitchLog.Reason.BUMPER, 0, 0);
        log.add(12, Behaviour.BACK_OFF, Behaviour.TURN_AWAY, SwitchLog.Reason.REFLEX_DONE, 0, 0);

        assertThat(log.count()).isEqualTo(4);
        assertThat(log.kept()).isEqualTo(3);
        assertThat(log.tick(0)).isEqualTo(5);
        assertThat(log.from(0)).isEqualTo(Behaviour.EXPLORE);
        assertThat(log.to(0)).isEqualTo(Behaviour.PHONOTAXIS);
        assertThat(log.reasonText(0)).isEqualTo("salience 0.350 > 0.200");
        assertThat(log.tick(2)).isEqualTo(12);
        assertThat(log.reason(2)).isEqualTo(SwitchLog.Reason.REFLEX_DONE);
        assertThat(log.describe()).containsExactly(
                "tick 5: EXPLORE -> PHONOTAXIS (salience 0.350 > 0.200)",
                "tick 9: PHONOTAXIS -> BACK_OFF (bumper pressed)",
                "tick 12: BACK_OFF -> TURN_AWAY (reflex finished)");
        assertThatThrownBy(() -> log.tick(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
