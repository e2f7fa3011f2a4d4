package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The shipped docs/examples/brick.properties goes through the brick's own entry point
 * ({@code --config F --print-config}) without an error, and every key it sets is reported with
 * the file's value and line, as java.util.Properties and a line scan of the file read them.
 */
class ExampleConfigTest {
    static final Path EXAMPLE = Paths.get(System.getProperty("ev3cortex.repoRoot", ".."), "docs", "examples", "brick.properties");

    @Test
    void theExampleBrickConfigLoadsAndEveryKeyComesFromIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BrickMain.run(new String[] {"--config", EXAMPLE.toString(), "--print-config"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(EXAMPLE, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertThat(p.stringPropertyNames()).hasSizeGreaterThanOrEqualTo(20);
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        List<String> shown = printed.lines().collect(java.util.stream.Collectors.toList());
        for (String key : p.stringPropertyNames()) {
            int line = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key + " =")) line = i + 1;
            }
            assertThat(line).as("line of " + key).isPositive();
            String origin = EXAMPLE + ":" + line;
            // "key = value  # origin", or for a long line "# origin" above a wrapped "key = value \".
            String value = p.getProperty(key).trim();
            String joined = String.join("\n", shown).replace(" \\\n    ", " ");
            assertThat(joined).as(key).containsPattern("(?m)^" + java.util.regex.Pattern.quote(key + " = " + value)
                    + "( +# " + java.util.regex.Pattern.quote(origin) + "|$)");
            assertThat(printed).as(key).contains("# " + origin);
        }
        assertThat(shown).as("--print-config lines fit 100 columns").allMatch(l -> l.length() <= 100);
    }

    @Test
    void versionNeedsNoConfig() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BrickMain.run(new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ev3cortex-robot ")
                .contains(" on Java " + System.getProperty("java.version"));
    }
}
