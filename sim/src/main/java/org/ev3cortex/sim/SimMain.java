package org.ev3cortex.sim;

import org.ev3cortex.sim.tools.ToolsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar sim/target/ev3cortex-sim.jar <command>}: the desktop entry point. */
@Command(name = "ev3cortex-sim", mixinStandardHelpOptions = true, version = "ev3cortex-sim 0.1.0",
        description = "The ev3cortex desktop: the simulator, file tools and the laptop body.",
        subcommands = {RunCommand.class, ToolsCommand.class, ServeEv3Command.class,
                org.ev3cortex.sim.record.ReplayCommand.class, org.ev3cortex.sim.viewer.ViewCommand.class})
public final class SimMain implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests execute it in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SimMain());
        // Bad input is exit code 2, a fault at run time 1: the same codes as the brick.
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        return cl;
    }
}
