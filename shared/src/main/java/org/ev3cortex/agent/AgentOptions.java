package org.ev3cortex.agent;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigException;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;

/**
 * The command-line options every agent entry point shares: {@code --config FILE} (repeatable),
 * {@code --set key=value} and {@code -Dkey=value} (repeatable), {@code --print-config},
 * {@code --print-budget}.
 *
 * <p>Parsed by hand rather than with picocli: this runs first on the brick, where every class
 * loaded before the first tick costs start-up time. The desktop CLIs use picocli and fill the
 * same fields.
 */
public final class AgentOptions {
    /** Exit code for configuration and usage errors (nothing was started, no motor touched). */
    public static final int EXIT_CONFIG = 2;
    /** Exit code when the loop faulted. */
    public static final int EXIT_FAULT = 1;

    public final List<Path> configFiles = new ArrayList<>();
    public final List<ConfigOverride> overrides = new ArrayList<>();
    public boolean printConfig;
    public boolean printBudget;
    public boolean help;
    /** {@code --record FILE.mcap}: record every tick (see org.ev3cortex.record), or null. */
    public Path record;
    /** Arguments this parser does not know, left for the caller. */
    public final List<String> rest = new ArrayList<>();

    public static AgentOptions parse(String... args) {
        AgentOptions o = new AgentOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config") || a.equals("-c")) {
                o.configFiles.add(Paths.get(need(args, ++i, a)));
            } else if (a.startsWith("--config=")) {
                o.configFiles.add(Paths.get(a.substring("--config=".length())));
            } else if (a.equals("--set")) {
                o.overrides.add(ConfigOverride.parse(need(args, ++i, a), "--set"));
            } else if (a.startsWith("-D") && a.length() > 2) {
                o.overrides.add(ConfigOverride.parse(a.substring(2), "-D"));
            } else if (a.equals("--print-config")) {
                o.printConfig = true;
            } else if (a.equals("--print-budget")) {
                o.printBudget = true;
            } else if (a.equals("--record")) {
                o.record = Paths.get(need(args, ++i, a));
            } else if (a.startsWith("--record=")) {
                o.record = Paths.get(a.substring("--record=".length()));
            } else if (a.equals("--help") || a.equals("-h")) {
                o.help = true;
            } else {
                o.rest.add(a);
            }
        }
        return o;
    }

    private static String need(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    /** Usage lines for the shared options. */
    public static String usage() {
        return "  --config FILE       properties file; repeat to layer files (later wins)\n"
             + "  --set key=value     override one key (also -Dkey=value); highest precedence\n"
             + "  --print-config      print every key's effective value and where it came from, then exit\n"
             + "  --print-budget      estimate each stage's time per tick on the EV3 (no FPU), then exit\n"
             + "  --record FILE.mcap  record every tick to MCAP (rates: record.* keys; docs/observability.md)\n";
    }

    /**
     * Loads the layered config: defaults, the files, JVM {@code -D} properties of known sections,
     * then the command-line overrides. On errors, prints every one to {@code err} and returns null.
     */
    public Config loadOrReport(ConfigLoader loader, PrintStream err) {
        try {
            return loader.load(configFiles, allOverrides(loader));
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.println("Nothing was started and no motor was touched. Keys and their allowed values: docs/properties.md,"
                    + " or --print-config.");
            return null;
        }
    }

    /** The overrides a hot reload must re-apply on top of the re-read files. */
    public List<ConfigOverride> allOverrides(ConfigLoader loader) {
        List<ConfigOverride> all = new ArrayList<>(loader.systemOverrides(System.getProperties()));
        all.addAll(overrides);
        return all;
    }
}
