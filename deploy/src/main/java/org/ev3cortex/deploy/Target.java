package org.ev3cortex.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and how to reach the brick: from {@code deploy.properties}, then overridden by flags.
 * Passwords are deliberately not a property (see {@link Credentials}).
 */
public final class Target {
    public static final String DEFAULT_REMOTE_DIR = "/home/robot/ev3cortex";
    /** The brick's JVM flags for 64 MB of RAM; docs/brick.md explains each, and README shows the same set. */
    public static final String DEFAULT_JVM_FLAGS = "-Xms16m -Xmx24m -Xmn2m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + " -XX:CICompilerCount=1 -XX:-MethodFlushing -XX:ReservedCodeCacheSize=8m -XX:MaxMetaspaceSize=24m"
            + " -XX:-UsePerfData -Xshare:auto";

    static final Set<String> KEYS = new TreeSet<>(Arrays.asList(
            "host", "port", "user", "identityFile", "knownHostsFile", "remoteDir", "jvmFlags", "java"));

    public String host = "ev3dev.local";
    public int port = 22;
    public String user = "robot";
    /** Null: the usual ~/.ssh/id_* files that exist. */
    public Path identityFile;
    public Path knownHostsFile = Paths.get(System.getProperty("user.home"), ".ssh", "known_hosts");
    public String remoteDir = DEFAULT_REMOTE_DIR;
    public String jvmFlags = DEFAULT_JVM_FLAGS;
    /** The java command on the brick. */
    public String java = "java";

    /** Reads {@code file} strictly: an unknown key or a password is an error naming file:key. */
    public static Target load(Path file) throws IOException {
        Target t = new Target();
        if (file == null || !Files.exists(file)) return t;
        Properties p = new Properties();
        if (Files.isDirectory(file)) throw new BadInputException(file + ": -P names a directory, not a properties file");
        byte[] bytes;
        try {
            bytes = org.ev3cortex.config.BoundedRead.read(file, org.ev3cortex.config.BoundedRead.CONFIG_LIMIT);
        } catch (org.ev3cortex.config.BoundedRead.TooLargeException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": bytes that are not UTF-8; save the file as UTF-8");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": cannot parse: " + e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        for (String k : p.stringPropertyNames()) {
            String v = p.getProperty(k).trim();
            if (k.toLowerCase().contains("pass")) {
                errors.add(file + ": " + k + ": passwords are never read from properties files; use --password"
                        + " (prompt) or the EV3CORTEX_SSH_PASSWORD environment variable, or better a key");
                continue;
            }
            switch (k) {
                case "host": t.host = v; break;
                case "port":
                    try {
                        t.port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        errors.add(file + ": port: '" + v + "' is not a port number");
                    }
                    break;
                case "user": t.user = v; break;
                case "identityFile": t.identityFile = expandHome(v); break;
                case "knownHostsFile": t.knownHostsFile = expandHome(v); break;
                case "remoteDir": t.remoteDir = v; break;
                case "jvmFlags": t.jvmFlags = v; break;
                case "java": t.java = v; break;
                default: errors.add(file + ": " + k + ": unknown key; known keys: " + KEYS);
            }
        }
        if (!errors.isEmpty()) throw new BadInputException(String.join(System.lineSeparator(), errors));
        return t;
    }

    /** {@link #load}, for a file the user named: it must exist. */
    public static Target loadRequired(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": file not found (-P; absolute path: " + file.toAbsolutePath() + ")");
        }
        return load(file);
    }

    static Path expandHome(String v) {
        if (v.equals("~")) return Paths.get(System.getProperty("user.home"));
        if (v.startsWith("~/")) return Paths.get(System.getProperty("user.home"), v.substring(2));
        return Paths.get(v);
    }

    /** Checks what must hold before anything is sent to the brick. */
    public Target validate() {
        if (port < 1 || port > 65535) throw new BadInputException("port " + port + " is out of range 1..65535");
        Shell.checkPrintable(host, "host");
        Shell.checkPrintable(user, "user");
        Shell.checkPrintable(remoteDir, "remoteDir");
        if (remoteDir.isEmpty() || remoteDir.startsWith("~") || remoteDir.matches(".*[*?\\[\\]\\\\].*")) {
            throw new BadInputException("remoteDir '" + remoteDir + "' must be a path without ~ or the glob"
                    + " characters * ? [ ] \\ (absolute, or relative to the login directory)");
        }
        while (remoteDir.length() > 1 && remoteDir.endsWith("/")) remoteDir = remoteDir.substring(0, remoteDir.length() - 1);
        jvmFlagList();
        return this;
    }

    /** The JVM flags, split on blanks; each is quoted separately in the launcher. */
    public List<String> jvmFlagList() {
        List<String> flags = new ArrayList<>();
        for (String f : jvmFlags.trim().split("\\s+")) {
            if (f.isEmpty()) continue;
            Shell.checkPrintable(f, "jvmFlags");
            if (!f.startsWith("-")) {
                throw new BadInputException("jvmFlags: '" + f + "' is not a JVM option (options start with -)");
            }
            flags.add(f);
        }
        return flags;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + " " + remoteDir;
    }
}
