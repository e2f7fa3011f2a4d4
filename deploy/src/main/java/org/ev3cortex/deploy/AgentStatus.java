package org.ev3cortex.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** What {@code status} learned: whether our process lives, and the agent's published status file. */
public final class AgentStatus {
    /** The pidfile names a live process of ours. */
    public final boolean running;
    public final long pid;
    /** The brick's clock when asked, epoch ms (the brick's clock may differ from the laptop's). */
    public final long brickNowMs;
    /** The agent's status file, empty if there is none. */
    public final Properties file;

    /** When the agent is not running: its log since its last start (empty if none). */
    public final String startLog;

    static final String START_LOG = "--- log since the last start ---";

    AgentStatus(boolean running, long pid, long brickNowMs, Properties file, String startLog) {
        this.running = running;
        this.pid = pid;
        this.brickNowMs = brickNowMs;
        this.file = file;
        this.startLog = startLog;
    }

    static AgentStatus parse(String text) throws IOException {
        String startLog = "";
        int log = text.indexOf(START_LOG + "\n");
        if (log >= 0) {
            startLog = text.substring(log + START_LOG.length() + 1).strip();
            text = text.substring(0, log);
        }
        String[] parts = text.split("---\n", 2);
        Properties head = new Properties();
        head.load(new StringReader(parts[0]));
        Properties file = new Properties();
        if (parts.length > 1) file.load(new StringReader(parts[1]));
        return new AgentStatus("running".equals(head.getProperty("process")),
                Long.parseLong(head.getProperty("pid", "-1")),
                Long.parseLong(head.getProperty("now", "0")) * 1000, file, startLog);
    }

    /** Stopped without ever publishing a status: it died during start-up (start removes the old file). */
    public boolean diedDuringStartUp() {
        return !running && file.isEmpty() && !startLog.isEmpty();
    }

    public String state() {
        return file.getProperty("state", "");
    }

    public long ticks() {
        return Long.parseLong(file.getProperty("ticks", "0"));
    }

    public long verdictSeq() {
        return Long.parseLong(file.getProperty("verdict.seq", "0"));
    }

    public String verdictStatus() {
        return file.getProperty("verdict.status", "");
    }

    public List<String> verdictLines() {
        List<String> lines = new ArrayList<>();
        int n = Integer.parseInt(file.getProperty("verdict.lines", "0"));
        for (int i = 0; i < n; i++) lines.add(file.getProperty("verdict.line." + i, ""));
        return lines;
    }

    public long startupMs() {
        return Long.parseLong(file.getProperty("startupMs", "-1"));
    }

    /** The status file's pid is the pidfile's: the file is this run's, not a leftover. */
    public boolean fileIsCurrent() {
        return running && Long.toString(pid).equals(file.getProperty("pid"));
    }

    /** Human-readable, for {@code deploy status}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!running) {
            sb.append("agent: stopped");
            if (diedDuringStartUp()) sb.append(" (exited during start-up)");
            if (!file.isEmpty()) {
                sb.append(" (last run: ").append(state()).append(", ").append(ticks()).append(" ticks, motors ")
                        .append(file.getProperty("motors", "unknown")).append(')');
            }
            sb.append('\n');
        } else {
            long updated = Long.parseLong(file.getProperty("updatedAtMs", "0"));
            long uptime = Long.parseLong(file.getProperty("uptimeMs", "0")) + Math.max(0, brickNowMs - updated);
            sb.append("agent: ").append(fileIsCurrent() ? state() : "running (no status published yet)")
                    .append(" (pid ").append(pid).append("), up ").append(duration(uptime)).append('\n');
            if (fileIsCurrent()) {
                sb.append(String.format(Locale.ROOT, "ticks: %d at %s/s, %s overruns", ticks(),
                        file.getProperty("tickRateHz", "?"), file.getProperty("overruns", "0")));
                if (startupMs() >= 0) sb.append(String.format(Locale.ROOT, "; start-up to first tick %.2f s", startupMs() / 1000.0));
                sb.append('\n');
                long age = brickNowMs - updated;
                if (age > 5_000) sb.append("WARNING: the status file is ").append(age / 1000).append(" s old: the agent may be hung\n");
                sb.append("motors: ").append(file.getProperty("motors", "unknown")).append('\n');
            }
        }
        String err = file.getProperty("lastError", "");
        if (diedDuringStartUp()) {
            sb.append("last error: the agent exited during start-up; " + Layout.LOG + " says:\n");
            for (String l : startLog.split("\n")) sb.append("  ").append(l).append('\n');
        } else {
            sb.append("last error: ").append(err.isEmpty() ? "none" : err).append('\n');
        }
        if (!verdictStatus().isEmpty()) {
            sb.append("last reload: #").append(verdictSeq()).append(' ').append(verdictText()).append('\n');
            for (String l : verdictLines()) sb.append("  ").append(l).append('\n');
        }
        return sb.toString();
    }

    String verdictText() {
        String s = verdictStatus().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (verdictStatus().equals("APPLIED")) s += " at tick " + file.getProperty("verdict.tick", "?");
        return s;
    }

    static String duration(long ms) {
        long s = ms / 1000;
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m " + (s % 60) + "s";
        return (s / 3600) + "h " + (s / 60 % 60) + "m";
    }
}
