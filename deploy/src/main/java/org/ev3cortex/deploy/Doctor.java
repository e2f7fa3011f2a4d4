package org.ev3cortex.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ev3cortex.body.BodyKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deploy doctor}: one SSH command that collects what a brick must have before the first
 * deploy, then a verdict per line: {@code ok}, {@code warn} (runs, but worse) or {@code FAIL}
 * (the agent will not run), each with what to do. Exit 1 when anything failed.
 */
@Command(name = "doctor", description = "Check a brick before the first deploy: Java, memory, disk, camera, microphone,"
        + " motors and sensors, the user's groups and the clock.")
final class Doctor extends DeployMain.Base {
    /** Below this the 24 MB heap, metaspace, code cache and the ffmpeg/arecord children don't fit. */
    static final long MIN_AVAILABLE_KIB = 32 * 1024;
    /** The jar, a CDS archive, the previous jar and logs. */
    static final long MIN_DISK_KIB = 20 * 1024;
    static final long MAX_CLOCK_SKEW_S = 60;

    @Option(names = "--sysfs-root", paramLabel = "DIR", defaultValue = "/sys/class",
            description = "Where the brick's tacho-motor and lego-sensor classes are, as the agent's ev3.sysfs.root"
                    + " (default ${DEFAULT-VALUE}).")
    String sysfsRoot;
    @Option(names = "--dev-root", paramLabel = "DIR", defaultValue = "/dev",
            description = "Where the brick's device nodes are (default ${DEFAULT-VALUE}).")
    String devRoot;

    /** One verdict line. */
    static final class Check {
        final String level;
        final String what;
        final String text;

        Check(String level, String what, String text) {
            this.level = level;
            this.what = what;
            this.text = text;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-5s %s: %s", level, what, text);
        }
    }

    @Override
    int run(Brick brick) throws IOException {
        long laptopBefore = System.currentTimeMillis() / 1000;
        Brick.Result r = brick.exec(script(brick.target()));
        long laptopAfter = System.currentTimeMillis() / 1000;
        out.println("doctor: " + brick.target());
        List<Check> checks = evaluate(parse(r.out), brick.target(), (laptopBefore + laptopAfter) / 2);
        return report(checks, out);
    }

    static int report(List<Check> checks, PrintStream out) {
        int fails = 0;
        int warns = 0;
        for (Check c : checks) {
            out.println(c);
            if (c.level.equals("FAIL")) fails++;
            if (c.level.equals("warn")) warns++;
        }
        out.println(fails == 0 && warns == 0 ? "all checks passed"
                : fails + (fails == 1 ? " failure, " : " failures, ") + warns + (warns == 1 ? " warning" : " warnings")
                + (fails > 0 ? ": fix the FAIL lines before deploying" : ""));
        return fails > 0 ? DeployMain.EXIT_FAILED : 0;
    }

    /** A POSIX sh script for busybox-free Debian (ev3dev): every answer is one tagged line. */
    String script(Target t) {
        String sys = Shell.quote(sysfsRoot);
        String dev = Shell.quote(devRoot);
        return "exec 2>/dev/null\n"
                + "v=$(" + Shell.quote(t.java) + " -version 2>&1); echo \"java.exit=$?\"\n"
                + "printf '%s\\n' \"$v\" | sed 's/^/java.out=/'\n"
                + "awk '/^MemTotal:/{print \"mem.total=\" $2} /^MemAvailable:/{print \"mem.available=\" $2}' /proc/meminfo\n"
                + "d=" + Shell.quote(t.remoteDir) + "; while [ ! -d \"$d\" ] && [ \"$d\" != / ] && [ \"$d\" != . ]; do"
                + " d=$(dirname \"$d\"); done\n"
                + "df -Pk \"$d\" | awk 'NR==2{print \"disk.free=\" $4; print \"disk.mount=\" $6}'\n"
                + "for f in " + dev + "/video*; do [ -e \"$f\" ] || continue; r=no; [ -r \"$f\" ] && [ -w \"$f\" ] && r=yes;"
                + " echo \"video=$f $r\"; done\n"
                + "if command -v arecord >/dev/null; then arecord -l | sed -n 's/^\\(card [0-9]*:.*\\)/mic=\\1/p';"
                + " else echo 'mic.arecord=missing'; fi\n"
                + "for c in tacho-motor lego-sensor; do\n"
                + "  [ -d " + sys + "/$c ] && echo \"class=$c\"\n"
                + "  for d in " + sys + "/$c/*; do [ -f \"$d/address\" ] || continue;"
                + " w=no; [ -w \"$d/command\" ] || [ -w \"$d/mode\" ] && w=yes;"
                + " echo \"dev=$c $(basename \"$d\") $(cat \"$d/address\") $(cat \"$d/driver_name\") $w"
                + " $(stat -c %G \"$d/command\" \"$d/mode\" 2>/dev/null | head -n 1)\"; done\n"
                + "done\n"
                + "echo \"user=$(id -un)\"; echo \"groups=$(id -Gn)\"\n"
                + "echo \"clock=$(date -u +%s)\"\n";
    }

    /** Tag to its lines, in order. */
    static Map<String, List<String>> parse(String out) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            m.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
        }
        return m;
    }

    static String one(Map<String, List<String>> m, String key) {
        List<String> v = m.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0).trim();
    }

    List<Check> evaluate(Map<String, List<String>> m, Target t, long laptopEpochS) {
        List<Check> checks = new ArrayList<>();
        checks.add(java(m, t));
        checks.add(memory(m));
        checks.add(disk(m));
        checks.add(camera(m));
        checks.add(mic(m));
        checks.addAll(devices(m));
        checks.add(groups(m));
        checks.add(clock(m, laptopEpochS));
        return checks;
    }

    static final Pattern VERSION = Pattern.compile("version \"(1\\.)?(\\d+)[^\"]*\"");

    static Check java(Map<String, List<String>> m, Target t) {
        List<String> lines = m.getOrDefault("java.out", List.of());
        String text = String.join(" ", lines).trim();
        Matcher v = VERSION.matcher(text);
        String install = "install the EV3 build of OpenJDK 11 (ev3dev-lang-java's openjdk-ev3, a C1 client VM),"
                + " or set java=/path/to/bin/java in deploy.properties (see docs/brick.md, First brick)";
        if (!one(m, "java.exit").equals("0") || !v.find()) {
            return new Check("FAIL", "java", "'" + t.java + " -version' did not run on the brick"
                    + (text.isEmpty() ? "" : " (" + text + ")") + ": " + install);
        }
        int feature = Integer.parseInt(v.group(2));
        String first = null;
        String vm = "";
        for (String l : lines) {
            if (first == null && VERSION.matcher(l).find()) first = l.trim();
            if (l.contains(" VM")) vm = l.trim();
        }
        if (first == null) first = text;
        if (feature < 11) {
            return new Check("FAIL", "java", first + ": the brick jar needs Java 11 or newer; " + install);
        }
        if (text.contains("Zero VM")) {
            return new Check("warn", "java", first + ", " + vm + ": an interpreter with no JIT (Debian's armel"
                    + " OpenJDK), many times slower than the C1 client VM of the EV3 build; " + install);
        }
        return new Check("ok", "java", first + (vm.isEmpty() ? "" : ", " + vm));
    }

    static Check memory(Map<String, List<String>> m) {
        String avail = one(m, "mem.available");
        String total = one(m, "mem.total");
        if (avail.isEmpty() || total.isEmpty()) return new Check("warn", "memory", "could not read /proc/meminfo");
        long a = Long.parseLong(avail);
        String text = String.format(Locale.ROOT, "%d MiB available of %d MiB", a / 1024, Long.parseLong(total) / 1024);
        if (a < MIN_AVAILABLE_KIB) {
            return new Check("warn", "memory", text + "; the agent needs about " + MIN_AVAILABLE_KIB / 1024
                    + " MiB (24 MiB heap, metaspace, code cache, ffmpeg and arecord): stop other programs on the brick");
        }
        return new Check("ok", "memory", text);
    }

    static Check disk(Map<String, List<String>> m) {
        String free = one(m, "disk.free");
        if (free.isEmpty()) return new Check("warn", "disk", "df gave no answer");
        long f = Long.parseLong(free);
        String text = String.format(Locale.ROOT, "%d MiB free on %s", f / 1024, one(m, "disk.mount"));
        if (f < MIN_DISK_KIB) {
            return new Check("FAIL", "disk", text + "; a deploy needs about " + MIN_DISK_KIB / 1024
                    + " MiB (jar, previous jar, CDS archive, logs): free space on the brick");
        }
        return new Check("ok", "disk", text);
    }

    Check camera(Map<String, List<String>> m) {
        List<String> found = m.getOrDefault("video", List.of());
        if (found.isEmpty()) {
            return new Check("warn", "camera", "no " + devRoot + "/video* device: plug a UVC webcam (YUYV 160x120) into"
                    + " the USB hub, or run with ev3.camera.enabled=false");
        }
        List<String> names = new ArrayList<>();
        for (String f : found) {
            String[] p = f.split(" ");
            if (p.length > 1 && !p[1].equals("yes")) {
                return new Check("warn", "camera", p[0] + " is not readable and writable by this user: add it to the"
                        + " 'video' group (sudo usermod -aG video $USER), then log in again");
            }
            names.add(p[0]);
        }
        return new Check("ok", "camera", String.join(", ", names));
    }

    static Check mic(Map<String, List<String>> m) {
        if (one(m, "mic.arecord").equals("missing")) {
            return new Check("warn", "microphone", "arecord not found: sudo apt-get install alsa-utils, or run with"
                    + " ev3.mic.enabled=false");
        }
        List<String> cards = m.getOrDefault("mic", List.of());
        if (cards.isEmpty()) {
            return new Check("warn", "microphone", "arecord lists no capture device: plug a USB microphone (16 kHz)"
                    + " into the USB hub, or run with ev3.mic.enabled=false");
        }
        return new Check("ok", "microphone", String.join("; ", cards));
    }

    List<Check> devices(Map<String, List<String>> m) {
        List<Check> checks = new ArrayList<>();
        List<String> classes = m.getOrDefault("class", List.of());
        if (!classes.contains("tacho-motor")) {
            checks.add(new Check("FAIL", "motors", "no " + sysfsRoot + "/tacho-motor: not an ev3dev brick, or its"
                    + " sysfs is elsewhere (--sysfs-root, the agent's ev3.sysfs.root)"));
            return checks;
        }
        Map<String, String> motors = new LinkedHashMap<>();
        Map<String, String> sensors = new LinkedHashMap<>();
        List<String> unwritable = new ArrayList<>();
        for (String d : m.getOrDefault("dev", List.of())) {
            String[] p = d.trim().split("\\s+");
            if (p.length < 5) continue;
            String port = p[2].startsWith("ev3-ports:") ? p[2].substring("ev3-ports:".length()) : p[2];
            (p[0].equals("tacho-motor") ? motors : sensors).put(port, p[3]);
            if (!p[4].equals("yes")) unwritable.add(p[0] + "/" + p[1] + (p.length > 5 ? " (group " + p[5] + ")" : ""));
        }
        checks.add(ports("motors", motors, BodyKeys.MOTOR_PORTS.name(), BodyKeys.MOTOR_PORTS.defaultValue()));
        checks.add(ports("sensors", sensors, BodyKeys.TOUCH_PORTS.name(), BodyKeys.TOUCH_PORTS.defaultValue()));
        if (!unwritable.isEmpty()) {
            checks.add(new Check("FAIL", "sysfs access", "this user cannot write " + String.join(", ", unwritable)
                    + ": add it to that group (sudo usermod -aG GROUP $USER), then log in again"));
        }
        return checks;
    }

    static Check ports(String what, Map<String, String> found, String key, String expected) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : found.entrySet()) {
            if (text.length() > 0) text.append(", ");
            text.append(e.getKey()).append('=').append(e.getValue());
        }
        if (found.isEmpty()) text.append("none");
        List<String> missing = new ArrayList<>();
        for (String port : expected.split(",")) {
            if (!port.isBlank() && !found.containsKey(port.trim())) missing.add(port.trim());
        }
        if (!missing.isEmpty()) {
            return new Check("warn", what, text + "; nothing on " + String.join(",", missing) + ", which " + key
                    + " expects by default (" + expected + "): plug it there or set " + key + " in brick.properties");
        }
        return new Check("ok", what, text.toString());
    }

    static Check groups(Map<String, List<String>> m) {
        List<String> groups = Arrays.asList(one(m, "groups").split("\\s+"));
        List<String> missing = new ArrayList<>();
        for (String g : new String[] {"video", "audio", "input"}) {
            if (!groups.contains(g)) missing.add(g);
        }
        String text = one(m, "user") + " in " + String.join(" ", groups);
        if (!missing.isEmpty() && !one(m, "user").equals("root")) {
            return new Check("warn", "groups", text + "; not in " + String.join(", ", missing) + " (webcam, microphone,"
                    + " buttons): sudo usermod -aG " + String.join(",", missing) + " $USER, then log in again");
        }
        return new Check("ok", "groups", text);
    }

    static Check clock(Map<String, List<String>> m, long laptopEpochS) {
        String c = one(m, "clock");
        if (c.isEmpty()) return new Check("warn", "clock", "date gave no answer");
        long skew = Long.parseLong(c) - laptopEpochS;
        String text = String.format(Locale.ROOT, "%+d s from this computer", skew);
        if (Math.abs(skew) > MAX_CLOCK_SKEW_S) {
            return new Check("warn", "clock", text + " (the EV3 keeps no time when off): connect it to a network with"
                    + " NTP (sudo timedatectl set-ntp true) or run sudo date -u -s @" + laptopEpochS);
        }
        return new Check("ok", "clock", text);
    }
}
