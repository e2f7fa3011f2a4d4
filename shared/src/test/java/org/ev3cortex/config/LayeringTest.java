package org.ev3cortex.config;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.body.BodyKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeringTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    void defaultsThenFilesInOrderThenOverrides() throws Exception {
        Path a = file("a.properties", "agent.periodMs=50\nsafety.motorExpiryMs=400\n");
        Path b = file("b.properties", "\nsafety.motorExpiryMs=450\nsafety.watchdogMs=700\n");
        Config c = AgentSchema.loader().load(List.of(a, b),
                List.of(new ConfigOverride("safety.watchdogMs", "800", "--set")));

        assertThat(c.get(LoopKeys.PERIOD_MS)).isEqualTo(50);
        assertThat(c.origin(LoopKeys.PERIOD_MS)).hasToString(a + ":1");
        assertThat(c.get(LoopKeys.MOTOR_EXPIRY_MS)).isEqualTo(450);
        assertThat(c.origin(LoopKeys.MOTOR_EXPIRY_MS)).hasToString(b + ":2");
        assertThat(c.get(LoopKeys.WATCHDOG_MS)).isEqualTo(800);
        assertThat(c.origin(LoopKeys.WATCHDOG_MS)).hasToString("--set");
        assertThat(c.get(LoopKeys.BATTERY_LOW_V)).isEqualTo(6.5);
        assertThat(c.origin(LoopKeys.BATTERY_LOW_V)).hasToString("default");
    }

    @Test
    void javaPropertiesSyntaxIsHonoured() throws Exception {
        Path p = file("a.properties", "! bang comment\n  body.motorPorts : outA,\\\n      outD\nbody.touchPorts    in2\n"
                + "agent.periodMs=\\u0035\\u0030\nsafety.stopAction=coast   \n");
        Config c = AgentSchema.loader().load(List.of(p));
        assertThat(c.get(BodyKeys.MOTOR_PORTS)).isEqualTo("outA,outD");
        assertThat(c.origin(BodyKeys.MOTOR_PORTS)).hasToString(p + ":2");
        assertThat(c.get(BodyKeys.TOUCH_PORTS)).isEqualTo("in2");
        assertThat(c.origin(BodyKeys.TOUCH_PORTS)).hasToString(p + ":4");
        assertThat(c.get(LoopKeys.PERIOD_MS)).isEqualTo(50);
        assertThat(c.get(LoopKeys.STOP_ACTION)).isEqualTo("coast");
    }

    @Test
    void printConfigShowsEveryKeyWithItsLayer() throws Exception {
        Path a = file("a.properties", "agent.periodMs=50\n");
        AgentOptions o = AgentOptions.parse("--config", a.toString(), "--set", "safety.watchdogMs=900",
                "-Dsafety.stopAction=hold", "--print-config", "extra");
        assertThat(o.printConfig).isTrue();
        assertThat(o.rest).containsExactly("extra");
        Config c = o.loadOrReport(AgentSchema.loader(), System.err);
        String text = c.describe();
        for (Key<?> k : AgentSchema.schema().keys()) {
            assertThat(text).contains(k.name() + " = ");
        }
        assertThat(text).containsPattern("agent\\.periodMs = 50 +# " + java.util.regex.Pattern.quote(a + ":1"));
        assertThat(text).containsPattern("safety\\.watchdogMs = 900 +# --set");
        assertThat(text).containsPattern("safety\\.stopAction = hold +# -D");
        assertThat(text).containsPattern("safety\\.battery\\.lowV = 6\\.5 +# default");
        assertThat(text).containsPattern("body\\.motorPorts = outB,outC +# default \\(restart-only\\)");
    }

    @Test
    void snapshotsAreImmutableAndWithValidates() throws Exception {
        Config a = AgentSchema.defaults();
        Config b = a.with(LoopKeys.PERIOD_MS, 20);
        assertThat(a.get(LoopKeys.PERIOD_MS)).isEqualTo(100);
        assertThat(b.get(LoopKeys.PERIOD_MS)).isEqualTo(20);
        assertThat(b.changedKeys(a)).containsExactly(LoopKeys.PERIOD_MS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.with(LoopKeys.PERIOD_MS, 0))
                .isInstanceOf(ConfigException.class).hasMessageContaining("agent.periodMs: '0' is out of range");
        // The expiry rule ties two keys: a period longer than the expiry is refused.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.with(LoopKeys.PERIOD_MS, 400))
                .hasMessageContaining("safety.motorExpiryMs: must be longer than agent.periodMs (400 ms)");
    }

    @Test
    void editDistanceCountsTranspositionOnce() {
        assertThat(Schema.editDistance("periodMs", "preiodMs")).isEqualTo(1);
        assertThat(Schema.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Schema.editDistance("", "abc")).isEqualTo(3);
    }

    @Test
    void keyNamesAreDottedLowerCamel() {
        assertThat(Key.validName("agent.periodMs")).isTrue();
        assertThat(Key.validName("safety.battery.lowV")).isTrue();
        assertThat(Key.validName("v1.dog.sigmaCenter")).isTrue();
        assertThat(Key.validName("agent")).isFalse();
        assertThat(Key.validName("Agent.periodMs")).isFalse();
        assertThat(Key.validName("agent..periodMs")).isFalse();
        assertThat(Key.validName("agent.period-ms")).isFalse();
        assertThat(Key.validName("agent.")).isFalse();
        assertThat(Key.validName("1agent.x")).isFalse();
    }

    @Test
    void linesSplitLikeProperties() {
        assertThat(ConfigLoader.lines("a\r\nb\rc\n\nd")).containsExactly("a", "b", "c", "", "d");
        assertThat(ConfigLoader.lines("")).containsExactly("");
        assertThat(ConfigLoader.lines("x\n")).containsExactly("x", "");
    }
}
