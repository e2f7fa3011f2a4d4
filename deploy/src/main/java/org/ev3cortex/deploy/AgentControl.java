package org.ev3cortex.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the agent on the brick through its pidfile and status file: start, stop, status, logs,
 * tune, info and the AppCDS archive. Never {@code pkill java}: only the pid the launcher wrote,
 * and only while that process still runs in our directory.
 */
public final class AgentControl {
    private final Brick brick;
    private final Layout layout;
    private final PrintStream out;
    /** How often a waiting command asks the brick again (each ask is one round trip). */
    long pollMs = 300;

    public AgentControl(Brick brick, PrintStream out) {
        this.brick = brick;
        this.layout = new Layout(brick.target());
        this.out = out;
    }

    private String cd() {
        return "cd " + Shell.quote(layout.dir()) + " 2>/dev/null || { echo process=stopped; echo now=$(date +%s); echo ---; exit 0; }\n";
    }

    public AgentStatus status() throws IOException {
        String script = cd() + layout.aliveFunction()
                + "if alive \"$pid\"; then echo process=running; echo pid=$pid; else echo process=stopped; fi\n"
                + "echo now=$(date +%s)\necho ---\ncat " + Layout.STATUS + " 2>/dev/null || true\n"
                // A dead agent's log since its last start: what it said if it died during start-up.
                + "if ! alive \"$pid\"; then echo '" + AgentStatus.START_LOG + "'; tail -n 200 " + Layout.LOG
                + " 2>/dev/null | awk '/^=== start /{n=0; seen=1; next} {a[n++]=$0} END{if (seen) for (i=0;i<n;i++) print a[i]}'"
                + " | tail -n 20; fi\n";
        return AgentStatus.parse(brick.exec(script).orThrow("status").out);
    }

    /** The outcome of a start. */
    public static final class Started {
        public final boolean alreadyRunning;
        public final AgentStatus status;

        Started(boolean alreadyRunning, AgentStatus status) {
            this.alreadyRunning = alreadyRunning;
            this.status = status;
        }
    }

    /**
     * Starts the agent in the background and waits until it has ticked (or died: then the log's
     * tail is in the exception). {@code env} values are quoted; names must be shell identifiers.
     */
    public Started start(Map<String, String> env, double waitSeconds) throws IOException {
        StringBuilder sb = new StringBuilder(layout.prologue()).append(layout.aliveFunction());
        sb.append("if alive \"$pid\"; then echo already=$pid; exit 0; fi\n");
        sb.append("[ -f ").append(Layout.JAR).append(" ] && [ -f ").append(Layout.LAUNCHER)
                .append(" ] || { echo 'no agent on the brick yet: run deploy --jar FILE first' >&2; exit 4; }\n");
        sb.append("rm -f ").append(Layout.STATUS).append(' ').append(Layout.PIDFILE).append('\n');
        sb.append("echo \"=== start $(date) ===\" >> ").append(Layout.LOG).append('\n');
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().matches("[A-Z_][A-Z0-9_]*")) throw new IllegalArgumentException("bad variable name " + e.getKey());
            sb.append(e.getKey()).append('=').append(Shell.quote(e.getValue())).append(' ');
        }
        sb.append("nohup sh ").append(Layout.LAUNCHER).append(" >> ").append(Layout.LOG).append(" 2>&1 < /dev/null &\n");
        sb.append("echo started=$!\n");
        String res = brick.exec(sb.toString()).orThrow("start").out;
        if (res.startsWith("already=")) return new Started(true, status());

        long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
        AgentStatus s;
        int seenDead = 0;
        while (true) {
            s = status();
            if (s.fileIsCurrent() && s.ticks() > 0) return new Started(false, s);
            if (s.fileIsCurrent() && (s.state().equals("stopped") || s.state().equals("faulted"))) break;
            // The pidfile appears a moment after the launch; only a repeated "not running" means it died.
            if (s.running) seenDead = 0;
            else if (++seenDead >= 3) break;
            if (System.nanoTime() > deadline) {
                throw new IOException("the agent did not tick within " + waitSeconds + " s; it may still be starting"
                        + " (check 'status' and 'logs').");
            }
            sleep(pollMs);
        }
        throw new IOException("the agent exited during start-up. Last lines of " + Layout.LOG + ":\n" + tail(25));
    }

    /** The outcome of a stop. */
    public static final class Stopped {
        public final boolean wasRunning;
        public final boolean escalated;
        public final String motors;
        public final long waitedMs;

        Stopped(boolean wasRunning, boolean escalated, String motors, long waitedMs) {
            this.wasRunning = wasRunning;
            this.escalated = escalated;
            this.motors = motors;
            this.waitedMs = waitedMs;
        }
    }

    /**
     * SIGTERM, then wait for the process to exit. The agent stops its motors and says so in its
     * status file; once it has, it gets 3 s more to exit. Only when it neither exits nor confirms
     * within {@code timeoutSeconds} is it killed (SIGKILL), and the caller is told the motors'
     * state is unknown.
     */
    public Stopped stop(int timeoutSeconds) throws IOException {
        String script = cd() + layout.aliveFunction()
                + "if ! alive \"$pid\"; then rm -f " + Layout.PIDFILE + "; echo result=not-running; exit 0; fi\n"
                + "kill -TERM \"$pid\"\n"
                + "i=0; limit=" + (timeoutSeconds * 5) + "; grace=-1; escalated=no\n"
                + "while alive \"$pid\"; do\n"
                + "  m=$(sed -n 's/^motors=//p' " + Layout.STATUS + " 2>/dev/null)\n"
                + "  if [ \"$m\" = stopped ] && [ $grace -lt 0 ]; then grace=$((i + 15)); fi\n"
                + "  if [ $i -ge $limit ] || { [ $grace -ge 0 ] && [ $i -ge $grace ]; }; then\n"
                + "    kill -KILL \"$pid\" 2>/dev/null || true; escalated=yes; sleep 0.2; break\n"
                + "  fi\n"
                + "  sleep 0.2; i=$((i + 1))\n"
                + "done\n"
                + "rm -f " + Layout.PIDFILE + "\n"
                + "echo result=stopped; echo escalated=$escalated; echo waitedMs=$((i * 200))\n"
                + "echo motors=$(sed -n 's/^motors=//p' " + Layout.STATUS + " 2>/dev/null)\n";
        Properties p = new Properties();
        p.load(new java.io.StringReader(brick.exec(script).orThrow("stop").out));
        if ("not-running".equals(p.getProperty("result"))) return new Stopped(false, false, "", 0);
        String motors = p.getProperty("motors", "");
        return new Stopped(true, "yes".equals(p.getProperty("escalated")), motors.isEmpty() ? "unknown" : motors,
                Long.parseLong(p.getProperty("waitedMs", "0")));
    }

    /** Prints (or follows, until interrupted) the agent's log. */
    public int logs(boolean follow, int lines, OutputStream to) throws IOException {
        String script = "cd " + Shell.quote(layout.dir()) + " && tail -n " + lines + (follow ? " -F" : "") + " " + Layout.LOG;
        return brick.execStreaming(script, to, System.err);
    }

    String tail(int lines) throws IOException {
        return brick.exec("cd " + Shell.quote(layout.dir()) + " && tail -n " + lines + " " + Layout.LOG).out;
    }

    /** The verdict of a tune. */
    public static final class TuneResult {
        /** APPLIED, UNCHANGED, REJECTED, RESTART_REQUIRED, or TIMEOUT. */
        public final String status;
        public final List<String> lines;
        public final long seq;

        TuneResult(String status, List<String> lines, long seq) {
            this.status = status;
            this.lines = lines;
            this.seq = seq;
        }
    }

    /**
     * Uploads {@code file} over the deployed properties file of the same name, waits for the
     * running agent's verdict, and prints it. A rejected file is put back to the previous one on
     * the brick, so a later restart does not fail on it (the running config never changed).
     */
    public TuneResult tune(Path file, double waitSeconds) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no such properties file: " + file);
        String name = Shell.checkFileName(file.getFileName().toString());
        String remote = Layout.CONFIGS + name;
        String sha = Deployer.sha256(file);
        AgentStatus before = status();
        if (!before.running) {
            throw new IOException("the agent is not running, so nothing can hot-reload " + name
                    + ". Use 'deploy --config " + file + "' and 'start'.");
        }
        String check = "cd " + Shell.quote(layout.dir()) + "\nmkdir -p .incoming\n"
                + "grep -qxF " + Shell.quote(name) + " config/order 2>/dev/null || { echo missing; exit 0; }\n"
                + "sha256sum < " + Shell.quote(remote) + " | cut -c1-64\n";
        String have = brick.exec(check).orThrow("tune").out.trim();
        if (have.equals("missing")) {
            throw new IOException(name + " is not one of the agent's properties files (config/order on the brick);"
                    + " tune replaces a deployed file: deploy it first with --config, then restart.");
        }
        if (have.equals(sha)) {
            out.println("unchanged: the brick already runs this " + name);
            return new TuneResult("UNCHANGED", List.of(), before.verdictSeq());
        }
        try (InputStream in = Files.newInputStream(file)) {
            brick.upload(in, layout.sftpPath(".incoming/tune"), new Progress(out, name, Files.size(file)));
        }
        String install = "set -e\ncd " + Shell.quote(layout.dir()) + "\n"
                + "[ \"$(sha256sum < .incoming/tune | cut -c1-64)\" = " + sha + " ] || { echo 'checksum mismatch' >&2; exit 3; }\n"
                + "cp -p " + Shell.quote(remote) + " " + Shell.quote(remote + ".before-tune") + "\n"
                + "mv -f .incoming/tune " + Shell.quote(remote) + "\n";
        brick.exec(install).orThrow("installing " + name);

        long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
        AgentStatus s;
        while (true) {
            s = status();
            String st = s.verdictStatus();
            if (s.verdictSeq() > before.verdictSeq() && !st.equals("ACCEPTED") && !st.isEmpty()) break;
            if (!s.running) throw new IOException("the agent stopped while reloading; see 'logs'");
            if (System.nanoTime() > deadline) {
                out.println("no verdict from the agent within " + waitSeconds + " s (is config.reloadPollMs 0?)."
                        + " The file is on the brick; check 'status' later.");
                return new TuneResult("TIMEOUT", List.of(), before.verdictSeq());
            }
            sleep(pollMs);
        }
        String remoteAbs = layout.dir() + "/" + remote;
        List<String> lines = new ArrayList<>();
        for (String l : s.verdictLines()) lines.add(l.replace(remoteAbs, file.toString()).replace(remote, file.toString()));
        String st = s.verdictStatus();
        out.println(s.verdictText());
        for (String l : lines) out.println("  " + l);
        if (st.equals("REJECTED")) {
            brick.exec("cd " + Shell.quote(layout.dir()) + " && mv -f " + Shell.quote(remote + ".before-tune") + " "
                    + Shell.quote(remote)).orThrow("restoring " + name);
            out.println("The agent keeps running its old config; " + remote + " on the brick was put back as it was.");
        } else if (st.equals("RESTART_REQUIRED")) {
            out.println("The agent keeps running its old config; the new file is on the brick: run 'restart' to use it.");
        }
        return new TuneResult(st, lines, s.verdictSeq());
    }

    /** Battery, java -version, memory, disk and ev3dev version, as the brick reports them. */
    public String info() throws IOException {
        String bat = "/sys/class/power_supply/lego-ev3-battery";
        String script = "b=$(cat " + bat + "/voltage_now 2>/dev/null || true)\n"
                + "if [ -n \"$b\" ]; then echo \"battery: $(awk \"BEGIN{printf \\\"%.2f V\\\", $b/1e6}\")\"; else echo 'battery: (no lego-ev3-battery: not an EV3?)'; fi\n"
                + "echo \"system: $(sed -n 's/^PRETTY_NAME=//p' /etc/os-release 2>/dev/null | tr -d '\\\"'), kernel $(uname -r)\"\n"
                + "echo \"memory: $(awk '/^MemTotal/{t=$2}/^MemAvailable/{a=$2}END{printf \"%d MiB available of %d MiB\", a/1024, t/1024}' /proc/meminfo)\"\n"
                + "d=" + Shell.quote(layout.dir()) + "; [ -d \"$d\" ] || d=.\n"
                + "echo \"disk: $(df -Pk \"$d\" | awk 'NR==2{printf \"%d MiB free of %d MiB on %s\", $4/1024, $2/1024, $6}')\"\n"
                + "echo 'java:'; " + Shell.quote(brick.target().java) + " -version 2>&1 | sed 's/^/  /' || echo '  (java not found)'\n";
        return brick.exec(script).out;
    }

    /** Start-up to first tick, with and without the archive. */
    public static final class CdsReport {
        public long withoutMs = -1;
        public long withMs = -1;
        public long archiveBytes;
        public int classes;
        /** The measured run took the agent's classes from the archive (known only when measured). */
        public boolean appClassesShared;
    }

    /**
     * Builds the AppCDS archive: a training run with {@code -XX:DumpLoadedClassList} until the
     * agent has ticked {@code trainTicks} times, then {@code -Xshare:dump} from that list (the
     * Java 11 way). Optionally measures start-up to first tick without and with it.
     */
    public CdsReport cds(long trainTicks, boolean measure, double waitSeconds) throws IOException {
        if (layout.dir().contains(" ")) {
            // Measured with JDK 17: the archive maps, but no application class is taken from it.
            throw new IOException("class-data sharing cannot use the agent's classes from a directory whose path has a"
                    + " space (" + layout.dir() + "); deploy to a remoteDir without spaces to use cds");
        }
        if (status().running) throw new IOException("the agent is running: stop it first (the training run needs the brick)");
        CdsReport r = new CdsReport();
        brick.exec(layout.prologue() + "rm -f " + Layout.CDS_ARCHIVE + " " + Layout.CDS_LIST + "\n").orThrow("cds");
        if (measure) r.withoutMs = timedRun(Map.of("EV3CORTEX_CDS", "off"), 1, waitSeconds);
        out.println("training run: recording the classes loaded up to tick " + trainTicks + " ...");
        timedRun(Map.of("EV3CORTEX_CDS", "off", "EV3CORTEX_JVM_EXTRA", "-XX:DumpLoadedClassList=" + Layout.CDS_LIST),
                trainTicks, waitSeconds);
        StringBuilder dump = new StringBuilder("set -e\ncd ").append(Shell.quote(layout.dir())).append('\n');
        dump.append(Shell.quote(brick.target().java));
        for (String f : brick.target().jvmFlagList()) dump.append(' ').append(Shell.quote(f));
        dump.append(" -Xshare:dump -XX:SharedClassListFile=").append(Layout.CDS_LIST)
                .append(" -XX:SharedArchiveFile=").append(Layout.CDS_ARCHIVE).append(" -cp ").append(Layout.JAR)
                .append(" > cds/dump.log 2>&1 || { tail -n 20 cds/dump.log >&2; exit 5; }\n");
        dump.append("wc -l < ").append(Layout.CDS_LIST).append("; wc -c < ").append(Layout.CDS_ARCHIVE).append('\n');
        out.println("dumping the archive ...");
        String[] counts = brick.exec(dump.toString()).orThrow("building the CDS archive").out.trim().split("\\s+");
        r.classes = Integer.parseInt(counts[0]);
        r.archiveBytes = Long.parseLong(counts[1]);
        if (measure) {
            r.withMs = timedRun(Map.of("EV3CORTEX_JVM_EXTRA", "-Xlog:class+path=info:file=cds/check.log"), 1, waitSeconds);
            // The JVM silently ignores the application part of an archive it cannot match: check it took it.
            String used = brick.exec("cd " + Shell.quote(layout.dir()) + " && grep -A1 'shared classpath entry: "
                    + Layout.JAR + "' cds/check.log | grep -c ' ok$' || true").out.trim();
            r.appClassesShared = !used.equals("0") && !used.isEmpty();
            if (!r.appClassesShared) {
                out.println("WARNING: the JVM did not accept the archive's application classes (see cds/check.log).");
            }
        }
        return r;
    }

    /** Starts the agent, waits for {@code ticks} ticks, stops it; returns its start-up time to the first tick. */
    long timedRun(Map<String, String> env, long ticks, double waitSeconds) throws IOException {
        Started st = start(env, waitSeconds);
        AgentStatus s = st.status;
        long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
        while (s.ticks() < ticks && System.nanoTime() < deadline) {
            sleep(pollMs);
            s = status();
        }
        long startup = s.startupMs();
        Stopped stopped = stop(30);
        if (stopped.escalated) out.println("warning: the timing run had to be killed");
        return startup;
    }

    static String millis(long ms) {
        return ms < 0 ? "?" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
