package org.ev3cortex.config;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration gets a clear error naming the key and file:line, and nothing is applied. */
class BadConfigTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = AgentSchema.loader();

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private ConfigException failing(Path... files) {
        try {
            loader.load(List.of(files));
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected the config to be rejected");
    }

    private static String only(ConfigException e) {
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0).toString();
    }

    @Test
    void unknownKeyIsNamedWithFileAndLine() throws IOException {
        Path p = file("a.properties", "# comment\nagent.periodMs=50\nwheels.count=2\n");
        String msg = only(failing(p));
        assertThat(msg).startsWith(p + ":3: wheels.count: unknown key");
        assertThat(msg).doesNotContain("did you mean");
    }

    @Test
    void typoSuggestsNearestKey() throws IOException {
        Path p = file("a.properties", "agent.periodMS=50\nsafety.motorExpiryMS=400\nsafety.batery.lowV=6\n");
        ConfigException e = failing(p);
        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(
                p + ":1: agent.periodMS: unknown key (did you mean agent.periodMs?)",
                p + ":2: safety.motorExpiryMS: unknown key (did you mean safety.motorExpiryMs?)",
                p + ":3: safety.batery.lowV: unknown key (did you mean safety.battery.lowV?)");
    }

    @Test
    void wrongSectionSuggestsSameLeaf() throws IOException {
        Path p = file("a.properties", "loop.statsWindow=64\n");
        assertThat(only(failing(p))).contains(p + ":1: loop.statsWindow").contains("did you mean agent.statsWindow?");
    }

    @Test
    void notAnInteger() throws IOException {
        Path p = file("a.properties", "agent.periodMs = fast\n");
        assertThat(only(failing(p))).isEqualTo(p + ":1: agent.periodMs: 'fast' is not an integer; expected an integer in [1, 10000] ms");
    }

    @Test
    void fractionForAnInteger() throws IOException {
        Path p = file("a.properties", "\n\nagent.periodMs=12.5\n");
        assertThat(only(failing(p))).startsWith(p + ":3: agent.periodMs: '12.5' is not an integer");
    }

    @Test
    void notABoolean() throws IOException {
        Path p = file("a.properties", "safety.battery.enabled=yes\n");
        assertThat(only(failing(p))).isEqualTo(p + ":1: safety.battery.enabled: 'yes' is not a boolean; expected true or false");
    }

    @Test
    void notANumber() throws IOException {
        Path p = file("a.properties", "safety.battery.lowV=6,5\n");
        assertThat(only(failing(p))).isEqualTo(p + ":1: safety.battery.lowV: '6,5' is not a number; expected a number in [0, 12] V");
    }

    @Test
    void nonFiniteNumber() throws IOException {
        Path p = file("a.properties", "safety.battery.lowV=NaN\n");
        assertThat(only(failing(p))).startsWith(p + ":1: safety.battery.lowV: 'NaN' is not finite");
    }

    @Test
    void outOfRangeInteger() throws IOException {
        Path p = file("a.properties", "agent.periodMs=0\n");
        assertThat(only(failing(p))).isEqualTo(p + ":1: agent.periodMs: '0' is out of range; expected an integer in [1, 10000] ms");
    }

    @Test
    void outOfRangeHugeInteger() throws IOException {
        Path p = file("a.properties", "agent.periodMs=99999999999999\n");
        assertThat(only(failing(p))).contains(p + ":1: agent.periodMs: '99999999999999'").contains("out of range");
    }

    @Test
    void outOfRangeDouble() throws IOException {
        Path p = file("a.properties", "safety.battery.recoverV=20\n");
        assertThat(only(failing(p))).isEqualTo(p + ":1: safety.battery.recoverV: '20' is out of range; expected a number in [0, 12] V");
    }

    @Test
    void choiceNotAllowed() throws IOException {
        Path p = file("a.properties", "safety.stopAction=float\n");
        assertThat(only(failing(p))).isEqualTo(p + ":1: safety.stopAction: 'float' is not allowed; expected one of coast, brake, hold");
    }

    @Test
    void emptyValue() throws IOException {
        Path p = file("a.properties", "agent.periodMs=\n");
        assertThat(only(failing(p))).isEqualTo(p + ":1: agent.periodMs: empty value; expected an integer in [1, 10000] ms");
    }

    @Test
    void emptyValueAllowedWhereDeclared() throws Exception {
        Path p = file("a.properties", "body.touchPorts=\n");
        assertThat(loader.load(List.of(p)).get(org.ev3cortex.body.BodyKeys.TOUCH_PORTS)).isEmpty();
    }

    @Test
    void duplicateKeyNamesBothLines() throws IOException {
        Path p = file("a.properties", "agent.periodMs=50\n# again\nagent.periodMs=60\n");
        assertThat(only(failing(p))).isEqualTo(p + ":3: agent.periodMs: duplicate key; already set at line 1 of the same file");
    }

    @Test
    void fileNotFound() {
        Path p = dir.resolve("missing.properties");
        assertThat(only(failing(p))).startsWith(p + ": file not found");
    }

    @Test
    void directoryInsteadOfFile() throws IOException {
        Path p = Files.createDirectory(dir.resolve("conf.properties"));
        assertThat(only(failing(p))).isEqualTo(p + ": is a directory, not a properties file");
    }

    @Test
    void unreadableFile() throws IOException {
        Path p = file("secret.properties", "agent.periodMs=50\n");
        Files.setPosixFilePermissions(p, java.util.Set.of());
        if (Files.isReadable(p)) {
            // Root reads any ordinary file, but Linux refuses to read a write-only sysctl (mode 0200)
            // even to root: the same AccessDeniedException from the same read.
            p = Path.of("/proc/sys/vm/drop_caches");
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(p), "root, and no Linux /proc/sys: every file is readable");
        assertThat(only(failing(p))).isEqualTo(p + ": cannot read the file: permission denied");
    }

    @Test
    void nonUtf8BytesNameTheKeyAndLine() throws IOException {
        Path p = dir.resolve("latin1.properties");
        byte[] text = "agent.periodMs=50\nbody.motorPorts=outB,out\u00C9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(p, text);
        assertThat(only(failing(p))).isEqualTo(p + ":2: body.motorPorts: bytes that are not UTF-8 (0xC9 at column 25);"
                + " save the file as UTF-8; expected a non-empty string");
    }

    @Test
    void everyErrorInAFileIsReportedTogether() throws IOException {
        Path p = file("a.properties", "agent.periodMs=abc\nagent.statsWindow=1\nnope.key=1\nsafety.stopAction=\n");
        ConfigException e = failing(p);
        assertThat(e.errors()).extracting(err -> err.origin().line()).containsExactly(1, 2, 3, 4);
        assertThat(e.errors()).extracting(ConfigError::key)
                .containsExactly("agent.periodMs", "agent.statsWindow", "nope.key", "safety.stopAction");
        assertThat(e.getMessage()).startsWith("4 configuration errors");
    }

    @Test
    void errorsAcrossFilesAreAllReported() throws IOException {
        Path a = file("a.properties", "agent.periodMs=abc\n");
        Path b = file("b.properties", "agent.periodMs=50\nsafety.watchdogMs=-1\n");
        ConfigException e = failing(a, b);
        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(
                a + ":1: agent.periodMs: 'abc' is not an integer; expected an integer in [1, 10000] ms",
                b + ":2: safety.watchdogMs: '-1' is out of range; expected an integer in [10, 60000] ms");
    }

    @Test
    void crossKeyRuleNamesTheKeyWhereItWasSet() throws IOException {
        Path p = file("a.properties", "safety.battery.lowV=7.0\nsafety.battery.recoverV=6.8\n");
        assertThat(only(failing(p))).isEqualTo(p + ":2: safety.battery.recoverV: must be above safety.battery.lowV (7.0 V),"
                + " or the motors would chatter");
    }

    @Test
    void lineWithoutKey() throws IOException {
        Path p = file("a.properties", "agent.periodMs=50\n=5\n");
        assertThat(only(failing(p))).startsWith(p + ":2: (empty): a line with a value but no key");
    }

    @Test
    void badUnicodeEscape() throws IOException {
        Path p = file("a.properties", "body.motorPorts=out\\uZZZZ\n");
        assertThat(only(failing(p))).startsWith(p + ":1: cannot parse the line: Malformed \\uxxxx encoding");
    }

    @Test
    void unknownSystemPropertyInOurSection() {
        java.util.Properties sys = new java.util.Properties();
        sys.setProperty("agent.periodMS", "50");
        sys.setProperty("java.version", "17");
        List<ConfigOverride> o = loader.systemOverrides(sys);
        assertThat(o).extracting(ConfigOverride::key).containsExactly("agent.periodMS");
        assertThatThrownBy(() -> loader.load(List.of(), o)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("-D: agent.periodMS: unknown key (did you mean agent.periodMs?)");
    }

    @Test
    void setWithoutEquals() {
        assertThatThrownBy(() -> ConfigOverride.parse("agent.periodMs", "--set"))
                .hasMessage("--set needs key=value, got 'agent.periodMs'");
    }

    @Test
    void bandsThatDoNotFitTheirRangeAreAConfigErrorNotAStartupCrash() throws IOException {
        // 7600..8000 Hz spans 13 bins of 31.25 Hz: 16 one-bin bands do not fit. A1 refused this
        // only when it was built; the schema's rule now calls A1's own check.
        Path p = file("narrow.properties", "a1.minHz = 7600\na1.bands = 16\n");
        assertThat(only(failing(p))).isEqualTo(p + ":2: a1.bands: 16 bands of at least one bin do not fit between "
                + "7600.0 and 8000.0 Hz with 31.25 Hz bins");
    }

    @Test
    void aPortListWithABlankOrRepeatedEntryIsRejected() throws IOException {
        Path p = file("ports.properties", "body.motorPorts = outB,,outC\nbody.touchPorts = in1,in1\n");
        assertThat(failing(p).errors()).extracting(ConfigError::toString).containsExactly(
                p + ":1: body.motorPorts: 'outB,,outC' is not a comma-separated list of distinct ports (e.g. outB,outC)",
                p + ":2: body.touchPorts: 'in1,in1' is not a comma-separated list of distinct ports (e.g. outB,outC)");
    }
}
