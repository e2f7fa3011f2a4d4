package org.ev3cortex.deploy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar deploy/target/ev3cortex-deploy.jar <command>}: laptop to brick over SSH. */
@Command(name = "ev3cortex-deploy", mixinStandardHelpOptions = true, version = "ev3cortex-deploy 0.1.0",
        description = "Deploy the brick jar and tune a running agent over SSH.", subcommands = {})
public final class DeployMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeployMain()).execute(args));
    }
}
