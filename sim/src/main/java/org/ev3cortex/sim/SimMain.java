package org.ev3cortex.sim;

import org.ev3cortex.sim.tools.ToolsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar sim/target/ev3cortex-sim.jar <command>}: the desktop entry point. */
@Command(name = "ev3cortex-sim", mixinStandardHelpOptions = true,
        description = "The ev3cortex desktop: the simulator, file tools and the laptop body.",
        subcommands = {RunCommand.class, ToolsCommand.class, ServeEv3Command.class,
                org.ev3cortex.sim.record.ReplayCommand.class, org.ev3cortex.sim.viewer.ViewCommand.class})
public final class SimMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests execute it in-process. */
    public static CommandLine commandLine() {
        // --help and --version on every command, help wrapped at 100 columns.
        CommandLine cl = CommandTree.configure(new CommandLine(new SimMain()));
        // Bad input is exit code 2, a fault at run time 1: the same codes as the brick.
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        return cl;
    }
}
