package org.ev3cortex.sim;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command of the sim jar shares: {@code --help} and {@code --version} on each one,
 * help text wrapped at {@link #WIDTH} columns, and the version from the jar's Maven metadata.
 */
public final class CommandTree {
    /** Help text wraps here. */
    public static final int WIDTH = 100;

    private CommandTree() {}

    /** Applies the shared settings to {@code cl} and every subcommand below it. */
    public static CommandLine configure(CommandLine cl) {
        String version = version();
        apply(cl, version);
        cl.setUsageHelpWidth(WIDTH);
        return cl;
    }

    private static void apply(CommandLine cl, String version) {
        CommandSpec spec = cl.getCommandSpec();
        spec.mixinStandardHelpOptions(true);
        spec.version(version);
        for (CommandLine sub : cl.getSubcommands().values()) apply(sub, version);
    }

    /**
     * "ev3cortex-sim VERSION on Java V (VM)": VERSION from the jar's pom.properties, "dev" when
     * run from classes. (Not the manifest: a dependency's would answer.)
     */
    public static String version() {
        String v = null;
        try (InputStream in = CommandTree.class.getResourceAsStream(
                "/META-INF/maven/org.ev3cortex/ev3cortex-sim/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                v = p.getProperty("version");
            }
        } catch (IOException e) {
            v = null;
        }
        return "ev3cortex-sim " + (v == null ? "dev" : v) + " on Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ")";
    }
}
