package org.ev3cortex.sim.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import org.junit.jupiter.api.Test;

/** {@code tools --help} lists each tool with a whole sentence, never one cut at the first line break. */
class ToolsHelpTest {
    @Test
    void everyToolIsListedWithItsWholeSummary() {
        CommandLine cl = new CommandLine(new ToolsCommand());
        String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
        Map<String, String> listed = new LinkedHashMap<>();
        String current = null;
        boolean inCommands = false;
        for (String line : usage.split("\\R")) {
            if (line.equals("Commands:")) {
                inCommands = true;
                continue;
            }
            if (!inCommands || line.isBlank()) continue;
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                String[] p = line.trim().split("\\s+", 2);
                current = p[0];
                listed.put(current, p.length > 1 ? p[1] : "");
            } else if (current != null) {
                listed.put(current, listed.get(current) + " " + line.trim());
            }
        }
        assertThat(listed.keySet()).containsExactly("v1", "a1", "hist", "predict", "export");
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            UsageMessageSpec u = e.getValue().getCommandSpec().usageMessage();
            String summary = u.header().length > 0 ? u.header()[0] : String.join(" ", u.description());
            assertThat(listed.get(e.getKey())).as(e.getKey()).isEqualTo(summary).endsWith(".").doesNotEndWith(" .");
        }
    }
}
