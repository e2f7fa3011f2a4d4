package org.ev3cortex.deploy;

import java.util.List;

/**
 * The agent's files under the remote directory. Fixed names, so a renamed jar on the laptop never
 * breaks the brick:
 * <pre>
 *   agent.jar, agent.jar.prev     the brick jar and the one before it (rollback)
 *   config/NAME.properties        the deployed properties files, in launch order
 *   bin/launch.sh                 the launcher, with the JVM flags (written by deploy)
 *   ev3cortex.sh                  brickman's launcher: select it in the File Browser to start the
 *                                 agent on the brick itself; the back button stops it
 *   run/agent.pid                 the pidfile (written by the launcher itself)
 *   run/status.properties         the agent's published state (see StatusFile in shared)
 *   log/agent.log                 stdout and stderr of the agent
 *   cds/agent.jsa, cds/classlist  the AppCDS archive and its class list
 * </pre>
 * Every remote command starts with {@code cd} into the directory and uses these relative names.
 */
final class Layout {
    static final String JAR = "agent.jar";
    static final String PREV = "agent.jar.prev";
    static final String LAUNCHER = "bin/launch.sh";
    static final String BRICKMAN = "ev3cortex.sh";
    static final String PIDFILE = "run/agent.pid";
    static final String STATUS = "run/status.properties";
    static final String LOG = "log/agent.log";
    static final String CDS_ARCHIVE = "cds/agent.jsa";
    static final String CDS_LIST = "cds/classlist";
    static final String CONFIGS = "config/";

    private final Target target;

    Layout(Target target) {
        this.target = target;
    }

    String dir() {
        return target.remoteDir;
    }

    /** An absolute-or-login-relative path for SFTP, for names the deploy itself chose (no quoting). */
    String sftpPath(String relative) {
        return target.remoteDir + "/" + relative;
    }

    /** The opening of every remote script: fail fast, and work inside the remote directory. */
    String prologue() {
        return "set -e\nmkdir -p " + Shell.quote(dir()) + "\ncd " + Shell.quote(dir()) + "\n"
                + "mkdir -p config run log bin cds\n";
    }

    /**
     * {@code alive PID}: the process exists and is ours, i.e. its working directory is this
     * directory (the launcher cds into it). A pid reused by another program never matches, so
     * stop never signals a stranger (and never needs {@code pkill java}).
     */
    String aliveFunction() {
        return "here=$(pwd -P)\n"
                + "alive() { [ -n \"$1\" ] && kill -0 \"$1\" 2>/dev/null && [ \"$(readlink /proc/$1/cwd 2>/dev/null)\" = \"$here\" ]; }\n"
                + "pid=$(cat " + PIDFILE + " 2>/dev/null || true)\n";
    }

    /**
     * The script brickman's File Browser starts (it runs executable files in the foreground on
     * the brick's screen): the agent as {@code deploy start} runs it (pidfile, log), unless it
     * already runs. The back button stops it, and brickman's screen returns.
     */
    String brickmanLauncher() {
        return "#!/bin/sh\n"
                + "# Written by ev3cortex-deploy. Start the agent from brickman: File Browser, then this file.\n"
                + "# The back button stops it (motors stopped). Its output goes to " + LOG + ".\n"
                + "cd " + Shell.quote(dir()) + " || exit 1\n"
                + aliveFunction()
                + "if alive \"$pid\"; then echo \"ev3cortex already runs (pid $pid)\"; sleep 3; exit 0; fi\n"
                + "rm -f " + STATUS + " " + PIDFILE + "\n"
                + "echo \"=== start $(date) (brickman) ===\" >> " + LOG + "\n"
                + "echo 'ev3cortex: starting (about 10 s);'\n"
                + "echo 'the back button stops it.'\n"
                + "sh " + LAUNCHER + " >> " + LOG + " 2>&1 < /dev/null\n"
                + "echo \"ev3cortex: stopped (exit $?)\"\n"
                + "sleep 2\n";
    }

    /** The launcher: runs the agent in the foreground with the configured flags and files. */
    String launcher(List<String> configNames) {
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/sh\n");
        sb.append("# Written by ev3cortex-deploy; rewritten on every deploy. Runs the agent in the foreground:\n");
        sb.append("# 'deploy start' runs it in the background with its output in log/agent.log.\n");
        sb.append("cd ").append(Shell.quote(dir())).append(" || exit 1\n");
        sb.append("echo $$ > ").append(PIDFILE).append('\n');
        sb.append("CDS=\n");
        sb.append("if [ \"${EV3CORTEX_CDS:-on}\" = on ] && [ -f ").append(CDS_ARCHIVE).append(" ]; then CDS=-XX:SharedArchiveFile=")
                .append(CDS_ARCHIVE).append("; fi\n");
        sb.append("# EV3CORTEX_JVM_EXTRA: flags 'deploy cds' adds for its training run.\n");
        sb.append("exec ").append(Shell.quote(target.java));
        for (String f : target.jvmFlagList()) sb.append(' ').append(Shell.quote(f));
        sb.append(" $CDS $EV3CORTEX_JVM_EXTRA -jar ").append(JAR);
        for (String c : configNames) sb.append(" --config ").append(Shell.quote(CONFIGS + c));
        sb.append(" --set ").append(Shell.quote("status.file=" + STATUS));
        sb.append(" \"$@\"\n");
        return sb.toString();
    }
}
