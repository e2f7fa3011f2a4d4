package org.ev3cortex.sim.tools;

import org.ev3cortex.sim.tools.predict.PredictCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tools <tool>}: file tools that show what the robot's pathways make of a file. */
@Command(name = "tools", mixinStandardHelpOptions = true,
        description = "File tools: run one pathway of the agent on a file and write what it sees.",
        subcommands = {V1Tool.class, A1Tool.class, HistTool.class, PredictCommand.class,
                org.ev3cortex.sim.record.ExportCommand.class})
public final class ToolsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
