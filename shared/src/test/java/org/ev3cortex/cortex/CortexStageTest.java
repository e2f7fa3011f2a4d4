package org.ev3cortex.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ev3cortex.config.Config;
import org.junit.jupiter.api.Test;

/** The stage steps its sheet once per update, keeps it across hot changes, rebuilds it on restart-only ones. */
class CortexStageTest {
    @Test
    void hotKeysKeepTheSheetRestartOnlyKeysRebuildIt() throws Exception {
        CortexStage stage = new CortexStage();
        assertThatThrownBy(stage::sheet).hasMessageContaining("not configured");
        Config c = Config.defaults();
        stage.configure(c);
        Sheet first = stage.sheet();
        stage.update(null, null);
        stage.update(null, null);
        assertThat(first.ticks()).isEqualTo(2);
        stage.configure(c.with(CortexKeys.LMS_RATE, 0.05).with(CortexKeys.PREDICT_SPACE, false));
        assertThat(stage.sheet()).isSameAs(first);
        stage.configure(c.with(CortexKeys.CYCLES_MAX_LAG, 20));
        assertThat(stage.sheet()).isNotSameAs(first);
        assertThat(stage.sheet().ticks()).isZero();
    }
}
