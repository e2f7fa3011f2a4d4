package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand of the sim jar, found by walking its picocli tree: {@code --help}
 * and {@code --version} exit 0, and the help fits 100 columns.
 */
class CommandTreeTest {
    /** Each command's words after the jar, e.g. ["tools", "v1"]; the root is []. */
    private static List<List<String>> commands(CommandLine cl, List<String> path, List<List<String>> found) {
        found.add(path);
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            commands(e.getValue(), sub, found);
        }
        return found;
    }

    private static String[] args(List<String> path, String option) {
        List<String> a = new ArrayList<>(path);
        a.add(option);
        return a.toArray(new String[0]);
    }

    private static String run(int[] code, String... args) {
        CommandLine cl = SimMain.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        code[0] = cl.execute(args);
        return out.toString();
    }

    @Test
    void everyCommandHasHelpWithinOneHundredColumnsAndAVersion() {
        List<List<String>> all = commands(SimMain.commandLine(), List.of(), new ArrayList<>());
        assertThat(all).contains(List.of(), List.of("run"), List.of("replay"), List.of("serve-ev3"), List.of("tools"),
                List.of("tools", "v1"), List.of("tools", "a1"), List.of("tools", "hist"), List.of("tools", "predict"),
                List.of("tools", "export"));
        for (List<String> path : all) {
            String name = String.join(" ", path);
            int[] code = new int[1];
            String help = run(code, args(path, "--help"));
            assertThat(code[0]).as(name + " --help: " + help).isZero();
            assertThat(help).as(name).contains("Usage: ev3cortex-sim" + (path.isEmpty() ? "" : " " + name));
            assertThat(help.lines()).as(name + " --help").allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
            String version = run(code, args(path, "--version"));
            assertThat(code[0]).as(name + " --version").isZero();
            assertThat(version.trim()).as(name).isEqualTo(CommandTree.version()).startsWith("ev3cortex-sim ");
        }
    }
}
