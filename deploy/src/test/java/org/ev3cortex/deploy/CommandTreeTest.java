package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command of the deploy jar, found by walking its picocli tree: {@code --help} and
 * {@code --version} exit 0 without connecting anywhere, and the help fits 100 columns.
 */
class CommandTreeTest {
    private static List<List<String>> commands(CommandLine cl, List<String> path, List<List<String>> found) {
        found.add(path);
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            commands(e.getValue(), sub, found);
        }
        return found;
    }

    private static String run(int[] code, List<String> path, String option) {
        List<String> a = new ArrayList<>(path);
        a.add(option);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        code[0] = DeployMain.run(p, p, a.toArray(new String[0]));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandHasHelpWithinOneHundredColumnsAndAVersion() {
        PrintStream none = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<List<String>> all = commands(DeployMain.commandLine(none, none), List.of(), new ArrayList<>());
        assertThat(all).contains(List.of(), List.of("deploy"), List.of("start"), List.of("stop"), List.of("restart"),
                List.of("status"), List.of("logs"), List.of("tune"), List.of("rollback"), List.of("info"), List.of("cds"),
                List.of("doctor"));
        for (List<String> path : all) {
            String name = String.join(" ", path);
            int[] code = new int[1];
            String help = run(code, path, "--help");
            assertThat(code[0]).as(name + " --help: " + help).isZero();
            assertThat(help).as(name).contains("Usage: ev3cortex-deploy" + (path.isEmpty() ? "" : " " + name));
            assertThat(help.lines()).as(name + " --help").allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
            String version = run(code, path, "--version");
            assertThat(code[0]).as(name + " --version").isZero();
            assertThat(version.trim()).as(name).isEqualTo(DeployMain.version()).startsWith("ev3cortex-deploy ");
        }
    }
}
