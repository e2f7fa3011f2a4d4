package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ev3cortex.agent.AgentOptions;
import org.junit.jupiter.api.Test;

/**
 * The brick jar's own command line (no picocli): {@code --help} and {@code --version} exit 0
 * before any config is read, the help fits 100 columns, and every option it lists is one the
 * parser knows.
 */
class BrickHelpTest {
    private static String run(int[] code, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        code[0] = BrickMain.run(args, p, p);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpAndVersionExitZeroAndTheHelpFitsOneHundredColumns() {
        int[] code = new int[1];
        String help = run(code, "--help");
        assertThat(code[0]).isZero();
        assertThat(help).startsWith("usage: java -jar ev3cortex-robot.jar");
        assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        assertThat(run(code, "-h")).isEqualTo(help);
        assertThat(code[0]).isZero();
        String version = run(code, "--version");
        assertThat(code[0]).isZero();
        assertThat(version.trim()).isEqualTo(BrickMain.version());
    }

    @Test
    void everyListedOptionIsParsed() {
        Matcher m = Pattern.compile("(?m)^  (--[a-z-]+)(?: (\\S+))?").matcher(BrickMain.usage());
        List<String> listed = new ArrayList<>();
        while (m.find()) {
            listed.add(m.group(1));
            if (m.group(1).equals("--version")) continue; // answered before parsing
            // "--config FILE": one value; "--print-config      print ...": none.
            String[] args = m.group(2) == null ? new String[] {m.group(1)}
                    : new String[] {m.group(1), m.group(1).equals("--set") ? "agent.periodMs=100" : "x"};
            assertThat(AgentOptions.parse(args).rest).as(m.group(1)).isEmpty();
        }
        assertThat(listed).contains("--config", "--set", "--print-config", "--print-budget", "--record", "--version", "--help");
    }
}
