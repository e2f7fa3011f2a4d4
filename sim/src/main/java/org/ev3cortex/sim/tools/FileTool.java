package org.ev3cortex.sim.tools;

import org.ev3cortex.agent.AgentSchema;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What the file tools share: the agent's config layering, and exit code 2 for bad input. */
abstract class FileTool implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file; repeat to layer files.")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one key; repeatable.")
    List<String> sets = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out;
    PrintWriter err;

    @Override
    public final Integer call() throws Exception {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        try {
            return callChecked();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int callChecked() throws Exception {
        AgentOptions options = new AgentOptions();
        options.configFiles.addAll(configs);
        try {
            for (String s : sets) options.overrides.add(ConfigOverride.parse(s, "--set"));
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
        Config config = options.loadOrReport(AgentSchema.loader(), new PrintStream(report, true, java.nio.charset.StandardCharsets.UTF_8));
        err.print(report.toString(java.nio.charset.StandardCharsets.UTF_8));
        if (config == null) return AgentOptions.EXIT_CONFIG;
        try {
            run(config);
            return 0;
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
    }

    abstract void run(Config config) throws Exception;
}
