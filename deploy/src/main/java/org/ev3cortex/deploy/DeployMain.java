package org.ev3cortex.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar deploy/target/ev3cortex-deploy.jar <command>}: laptop to brick over SSH. */
@Command(name = "ev3cortex-deploy", mixinStandardHelpOptions = true,
        description = "Deploy the brick jar and tune a running agent over SSH.",
        subcommands = {DeployMain.Deploy.class, DeployMain.Start.class, DeployMain.Stop.class, DeployMain.Restart.class,
                DeployMain.Status.class, DeployMain.Logs.class, DeployMain.Tune.class, DeployMain.Rollback.class,
                DeployMain.Info.class, DeployMain.Cds.class, DeployMain.View.class, DeployMain.Fetch.class, Doctor.class})
public final class DeployMain implements Runnable {
    /** Exit codes, so scripts can tell outcomes apart. */
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_REJECTED = 3;
    static final int EXIT_RESTART_NEEDED = 4;
    static final int EXIT_REFUSED = 5;
    static final int EXIT_TIMEOUT = 6;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command with the given streams; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return commandLine(out, err, args).execute(args);
    }

    /** Help text wraps here. */
    static final int HELP_WIDTH = 100;

    /** The configured command line for {@code args} (which only tell it what to keep out of error messages). */
    static CommandLine commandLine(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new DeployMain());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Brick.RefusedException) {
                err.println(UserMessages.clean(e));
                return EXIT_REFUSED;
            }
            err.println("error: " + UserMessages.clean(e));
            return e instanceof BadInputException ? EXIT_USAGE : EXIT_FAILED;
        });
        java.util.List<String> secrets = UserMessages.passwordValues(args);
        cl.setParameterExceptionHandler((e, given) -> {
            if (!secrets.isEmpty()) {
                // --password takes no value: never echo what was typed after it.
                err.println(UserMessages.hide(e.getMessage(), secrets));
                err.println("--password takes no value: the password is read from " + Credentials.PASSWORD_ENV
                        + " or a prompt; the value given was not used");
                return EXIT_USAGE;
            }
            err.println(e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_USAGE;
        });
        String version = version();
        cl.getCommandSpec().version(version);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true); // --help and --version on every subcommand
            sub.getCommandSpec().version(version);
            ((Base) sub.getCommand()).out = out;
        }
        cl.setUsageHelpWidth(HELP_WIDTH);
        return cl;
    }

    /**
     * "ev3cortex-deploy VERSION on Java V (VM)": VERSION from the jar's pom.properties, "dev" when
     * run from classes. (Not the manifest: a dependency's would answer.)
     */
    static String version() {
        String v = null;
        try (java.io.InputStream in = DeployMain.class.getResourceAsStream(
                "/META-INF/maven/org.ev3cortex/ev3cortex-deploy/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                v = p.getProperty("version");
            }
        } catch (IOException e) {
            v = null;
        }
        return "ev3cortex-deploy " + (v == null ? "dev" : v) + " on Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** How to reach the brick: deploy.properties, overridden by these flags. */
    static final class TargetOptions {
        @Option(names = {"-P", "--properties"}, paramLabel = "FILE",
                description = "Target settings (host, port, user, identityFile, knownHostsFile, remoteDir, jvmFlags, java);"
                        + " default: deploy.properties if it exists. A file named here must exist.")
        Path properties;
        @Option(names = "--host", description = "The brick's host name or address.") String host;
        @Option(names = "--port", description = "SSH port.") Integer port;
        @Option(names = "--user", description = "SSH user.") String user;
        @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Private key file.") Path identity;
        @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default ~/.ssh/known_hosts).")
        Path knownHosts;
        @Option(names = "--remote-dir", paramLabel = "DIR", description = "Directory on the brick (default "
                + Target.DEFAULT_REMOTE_DIR + ").") String remoteDir;
        @Option(names = "--jvm-flags", paramLabel = "FLAGS", description = "JVM flags for the launcher.") String jvmFlags;
        @Option(names = "--java", paramLabel = "CMD", description = "The java command on the brick.") String java;
        @Option(names = "--accept-new-host-key", description = "Trust an unknown brick's host key and record it"
                + " (trust on first use). A changed key is always refused.") boolean acceptNewHostKey;
        @Option(names = "--password", description = "Also try password authentication; the password is read from "
                + Credentials.PASSWORD_ENV + " or a prompt, never from properties.") boolean password;

        Target target() throws IOException {
            Target t = properties != null ? Target.loadRequired(properties) : Target.load(Paths.get("deploy.properties"));
            if (host != null) t.host = host;
            if (port != null) t.port = port;
            if (user != null) t.user = user;
            if (identity != null) t.identityFile = identity;
            if (knownHosts != null) t.knownHostsFile = knownHosts;
            if (remoteDir != null) t.remoteDir = remoteDir;
            if (jvmFlags != null) t.jvmFlags = jvmFlags;
            if (java != null) t.java = java;
            return t.validate();
        }

        Brick connect() throws IOException {
            return Brick.connect(target(), acceptNewHostKey, password);
        }
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin TargetOptions target;
        PrintStream out = System.out;

        @Override
        public Integer call() throws Exception {
            checkLocalFiles(); // before connecting: a typo costs no SSH round trip
            try (Brick brick = target.connect()) {
                return run(brick);
            }
        }

        /** Local files the command needs; throws {@link BadInputException} naming the file. */
        void checkLocalFiles() {}

        abstract int run(Brick brick) throws IOException;
    }

    @Command(name = "deploy", description = "Upload the brick jar, properties files and launcher (only what changed).")
    static final class Deploy extends Base {
        @Option(names = "--jar", paramLabel = "FILE", description = "The brick jar (default robot/target/ev3cortex-robot.jar"
                + " when it exists; otherwise the brick keeps its jar).")
        Path jar;
        @Option(names = "--config", paramLabel = "FILE", arity = "1..*",
                description = "Properties files, in layering order (later wins). Without it the brick keeps its files.")
        List<Path> configs = new ArrayList<>();
        @Option(names = "--restart", description = "Restart the agent afterwards if anything changed.") boolean restart;

        @Override
        void checkLocalFiles() {
            if (jar != null) LocalFiles.requireFile(jar, "--jar");
            for (Path c : configs) LocalFiles.requireFile(c, "--config");
        }

        @Override
        int run(Brick brick) throws IOException {
            Path j = jar;
            if (j == null && Files.isRegularFile(Paths.get("robot/target/ev3cortex-robot.jar"))) {
                j = Paths.get("robot/target/ev3cortex-robot.jar");
            }
            out.println("deploying to " + brick.target());
            Deployer.Report r = new Deployer(brick, out).deploy(j, configs);
            if (!r.uploaded.isEmpty()) {
                out.println(String.format(Locale.ROOT, "installed %s; unchanged %s; %s in %.2f s (%s/s); %d round trips",
                        r.uploaded, r.skipped, Progress.human(r.bytes), r.uploadSeconds, Progress.human((long) r.bytesPerSecond()),
                        r.roundTrips));
                if (restart) return Restart.restart(brick, out, 120);
                out.println("restart the agent to run it: restart");
            }
            return 0;
        }
    }

    @Command(name = "start", description = "Start the agent in the background and wait for its first tick.")
    static final class Start extends Base {
        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120", description = "How long to wait for the first tick.")
        double waitSeconds;

        @Override
        int run(Brick brick) throws IOException {
            AgentControl.Started s = new AgentControl(brick, out).start(Map.of(), waitSeconds);
            if (s.alreadyRunning) out.println("already running (pid " + s.status.pid + ")");
            else out.println("started (pid " + s.status.pid + "), first tick after " + AgentControl.millis(s.status.startupMs()));
            return 0;
        }
    }

    @Command(name = "stop", description = "SIGTERM the agent, wait for it to stop its motors and exit; SIGKILL only after --timeout.")
    static final class Stop extends Base {
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20") int timeout;

        @Override
        int run(Brick brick) throws IOException {
            return report(new AgentControl(brick, out).stop(timeout), out);
        }

        static int report(AgentControl.Stopped s, PrintStream out) {
            if (!s.wasRunning) {
                out.println("not running");
                return 0;
            }
            if (s.escalated) {
                out.println("the agent did not exit after SIGTERM; killed it (SIGKILL). Motors: " + s.motors
                        + (s.motors.equals("stopped") ? "" : " -- CHECK THE ROBOT: the agent never confirmed its motors stopped."));
                return EXIT_FAILED;
            }
            out.println("stopped after " + AgentControl.millis(s.waitedMs) + "; motors " + s.motors);
            return 0;
        }
    }

    @Command(name = "restart", description = "stop, then start.")
    static final class Restart extends Base {
        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120") double waitSeconds;

        @Override
        int run(Brick brick) throws IOException {
            return restart(brick, out, waitSeconds);
        }

        static int restart(Brick brick, PrintStream out, double waitSeconds) throws IOException {
            AgentControl c = new AgentControl(brick, out);
            int code = Stop.report(c.stop(20), out);
            if (code != 0) return code;
            AgentControl.Started s = c.start(Map.of(), waitSeconds);
            out.println("started (pid " + s.status.pid + "), first tick after " + AgentControl.millis(s.status.startupMs()));
            return 0;
        }
    }

    @Command(name = "status", description = "Running or stopped, uptime, tick rate, last error, last reload verdict.")
    static final class Status extends Base {
        @Override
        int run(Brick brick) throws IOException {
            out.print(new AgentControl(brick, out).status().describe());
            return 0;
        }
    }

    @Command(name = "logs", description = "Print the agent's log; -f follows it.")
    static final class Logs extends Base {
        @Option(names = {"-f", "--follow"}) boolean follow;
        @Option(names = {"-n", "--lines"}, defaultValue = "100") int lines;

        @Override
        int run(Brick brick) throws IOException {
            return new AgentControl(brick, out).logs(follow, lines, out);
        }
    }

    @Command(name = "tune", description = "Upload a properties file the agent runs with; print its hot-reload verdict.")
    static final class Tune extends Base {
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "20") double waitSeconds;

        @Override
        void checkLocalFiles() {
            LocalFiles.requireFile(file, "tune");
        }

        @Override
        int run(Brick brick) throws IOException {
            AgentControl.TuneResult r = new AgentControl(brick, out).tune(file, waitSeconds);
            switch (r.status) {
                case "REJECTED": return EXIT_REJECTED;
                case "RESTART_REQUIRED": return EXIT_RESTART_NEEDED;
                case "TIMEOUT": return EXIT_TIMEOUT;
                default: return 0;
            }
        }
    }

    @Command(name = "view", description = "Forward the brick's live telemetry (telemetry.port, on 127.0.0.1 there) over"
            + " SSH and open the desktop viewer on it; without a viewer or display, print the ws:// URL for Foxglove"
            + " Studio and keep the forward open until interrupted (Ctrl-C).")
    static final class View extends Base {
        @Option(names = "--telemetry-port", paramLabel = "PORT", defaultValue = "8765",
                description = "The brick's telemetry.port (default: ${DEFAULT-VALUE}).")
        int remotePort;
        @Option(names = "--local-port", paramLabel = "PORT", defaultValue = "0",
                description = "The port on this machine (default: any free one).")
        int localPort;
        @Option(names = "--viewer", paramLabel = "JAR",
                description = "The simulator jar whose viewer to start (default sim/target/ev3cortex-sim.jar when it exists).")
        Path viewer;
        @Option(names = "--no-viewer", description = "Only forward and print the URL.") boolean noViewer;

        @Override
        void checkLocalFiles() {
            if (viewer != null) LocalFiles.requireFile(viewer, "--viewer");
        }

        @Override
        int run(Brick brick) throws IOException {
            int local = brick.forward(localPort, remotePort);
            String url = "ws://127.0.0.1:" + local;
            out.println("telemetry of " + brick.target().host + " (its 127.0.0.1:" + remotePort + ") is at " + url
                    + " (Foxglove Studio: Open connection, Foxglove WebSocket)");
            Path jar = viewer != null ? viewer : Paths.get("sim/target/ev3cortex-sim.jar");
            boolean display = !java.awt.GraphicsEnvironment.isHeadless();
            if (!noViewer && display && Files.isRegularFile(jar)) {
                String java = ProcessHandle.current().info().command().orElse("java");
                Process p = new ProcessBuilder(java, "-jar", jar.toString(), "view", "--connect", url).inheritIO().start();
                try {
                    return p.waitFor() == 0 ? 0 : EXIT_FAILED;
                } catch (InterruptedException e) {
                    p.destroy();
                    return 0;
                }
            }
            out.println(noViewer ? "forwarding until interrupted (Ctrl-C)"
                    : (display ? "no viewer jar at " + jar : "no display") + "; forwarding until interrupted (Ctrl-C)");
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    @Command(name = "fetch", description = "Copy a file from the brick (e.g. a recording) to this machine over SFTP.")
    static final class Fetch extends Base {
        @Parameters(index = "0", paramLabel = "REMOTE",
                description = "A path on the brick; a relative one is under the remote directory, e.g. run/run.mcap.")
        String remote;
        @Parameters(index = "1", paramLabel = "LOCAL", arity = "0..1",
                description = "Where to write it (default: its file name, here). Written beside and renamed into place.")
        Path local;

        @Override
        int run(Brick brick) throws IOException {
            String path = remote.startsWith("/") ? remote : brick.target().remoteDir + "/" + remote;
            Path to = local != null ? local : Paths.get(Paths.get(remote).getFileName().toString());
            Path abs = to.toAbsolutePath();
            Path tmp = abs.resolveSibling("." + abs.getFileName() + ".partial");
            long n;
            try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                n = brick.download(path, o);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            out.println("fetched " + path + " (" + Progress.human(n) + ") to " + to);
            return 0;
        }
    }

    @Command(name = "rollback", description = "Put agent.jar.prev back and restart.")
    static final class Rollback extends Base {
        @Override
        int run(Brick brick) throws IOException {
            new Deployer(brick, out).rollback();
            out.println("rolled back to the previous jar");
            return Restart.restart(brick, out, 120);
        }
    }

    @Command(name = "info", description = "Battery voltage, java -version, free memory, disk, ev3dev version.")
    static final class Info extends Base {
        @Override
        int run(Brick brick) throws IOException {
            out.print(new AgentControl(brick, out).info());
            return 0;
        }
    }

    @Command(name = "cds", description = "Build an AppCDS archive from a training run; the launcher uses it from then on.")
    static final class Cds extends Base {
        @Option(names = "--ticks", defaultValue = "50", description = "Length of the training run in ticks.") long ticks;
        @Option(names = "--no-measure", description = "Skip timing start-up with and without the archive.") boolean noMeasure;
        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "180") double waitSeconds;

        @Override
        int run(Brick brick) throws IOException {
            AgentControl.CdsReport r = new AgentControl(brick, out).cds(ticks, !noMeasure, waitSeconds);
            out.println("archive: " + r.classes + " classes, " + Progress.human(r.archiveBytes));
            if (!noMeasure) {
                out.println("start-up to first tick: without the archive " + AgentControl.millis(r.withoutMs)
                        + ", with it " + AgentControl.millis(r.withMs));
            }
            return 0;
        }
    }
}
