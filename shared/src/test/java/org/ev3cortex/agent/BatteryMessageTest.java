package org.ev3cortex.agent;

import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.VirtualClock;
import org.ev3cortex.config.Config;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The battery guard's messages print volts rounded to 10 mV, not a double's full expansion. */
class BatteryMessageTest {
    @Test
    void lowAndRecoveredBatteryMessagesPrintRoundedVolts() throws Exception {
        LoopbackBody body = new LoopbackBody(new VirtualClock(), new String[] {"outB", "outC"}, new String[] {"in1"});
        // 6.4 - 1e-15: what a µV reading times 1e-6 gives, e.g. 6_400_000 * 1e-6 = 6.3999999999999995.
        double low = 6_400_000 * 1e-6;
        assertThat(Double.toString(low)).isEqualTo("6.3999999999999995");
        double[] volts = {7.8, low, low, 7.123456};
        Stage script = new Stage() {
            @Override public String name() { return "battery-script"; }
            @Override public void update(org.ev3cortex.seam.TickData t) {
                body.setBatteryVoltage(volts[(int) Math.min(t.tick() + 1, volts.length - 1)]);
                t.commands().runForever(0, 100);
            }
        };
        Logger loopLog = (Logger) LoggerFactory.getLogger(MotorGuard.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        loopLog.addAppender(events);
        try {
            Config c = AgentSchema.defaults().with(LoopKeys.PERIOD_MS, 100).with(LoopKeys.MOTOR_EXPIRY_MS, 300);
            new TickLoop(body, List.of(script), c).runTicks(5);
        } finally {
            loopLog.detachAppender(events);
        }
        String log = events.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertThat(log).contains("battery low (6.40 V < 6.50 V): motors stopped until it recovers above 6.90 V")
                .doesNotContain("6.3999");
    }
}
