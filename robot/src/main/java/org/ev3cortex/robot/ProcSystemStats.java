package org.ev3cortex.robot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.body.ThreadedSource;

/**
 * {@link SystemStats} of a Linux brick, read straight from procfs and sysfs on a capture thread
 * every {@code intervalMs}: the CPU load between samples from {@code /proc/stat}, memory from
 * {@code /proc/meminfo} (MemTotal − MemAvailable), the first thermal zone's temperature (NaN
 * without one, as on the EV3), and the processes as {@code /proc}'s numeric entries: the figures
 * OSHI gives on Linux, without loading JNA and OSHI (about 5 MB of resident memory and two
 * threads on the brick) or running {@code ldconfig}, {@code uname} and {@code vcgencmd}.
 */
public final class ProcSystemStats extends ThreadedSource<double[]> implements SystemStats {
    private final long intervalMs;
    private final Path proc;
    private final Path thermal;
    private Path temperatureFile;
    private final long[] previous = new long[2]; // total and idle jiffies
    private final long[] current = new long[2];
    private boolean first = true;

    /** @param proc procfs ({@code /proc}); @param thermal the thermal class ({@code /sys/class/thermal}) */
    public ProcSystemStats(Clock clock, long intervalMs, Path proc, Path thermal) {
        super("system-stats", clock, 1_000, 30_000);
        this.intervalMs = intervalMs;
        this.proc = proc;
        this.thermal = thermal;
    }

    @Override
    protected double[] newBuffer() {
        return new double[SIZE];
    }

    @Override
    protected void copy(double[] src, double[] dst) {
        System.arraycopy(src, 0, dst, 0, SIZE);
    }

    @Override
    protected void openDevice() throws IOException {
        cpuTicks(previous);
        temperatureFile = null;
        if (Files.isDirectory(thermal)) {
            try (DirectoryStream<Path> zones = Files.newDirectoryStream(thermal, "thermal_zone*")) {
                for (Path z : zones) {
                    Path t = z.resolve("temp");
                    if (Files.isReadable(t) && (temperatureFile == null || t.compareTo(temperatureFile) < 0)) temperatureFile = t;
                }
            }
        }
        first = true;
    }

    @Override
    protected void capture(double[] into) throws IOException, InterruptedException {
        if (!first) Thread.sleep(intervalMs);
        first = false;
        cpuTicks(current);
        long total = current[0] - previous[0];
        long idle = current[1] - previous[1];
        into[CPU_LOAD] = total > 0 ? Math.max(0, Math.min(1, (total - idle) / (double) total)) : 0;
        previous[0] = current[0];
        previous[1] = current[1];
        long memTotal = -1;
        long available = -1;
        long free = 0;
        long buffersAndCache = 0;
        for (String line : Files.readAllLines(proc.resolve("meminfo"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("MemTotal:")) memTotal = kib(line);
            else if (line.startsWith("MemAvailable:")) available = kib(line);
            else if (line.startsWith("MemFree:")) free = kib(line);
            else if (line.startsWith("Buffers:") || line.startsWith("Cached:")) buffersAndCache += kib(line);
        }
        if (available < 0) available = free + buffersAndCache; // kernels before 3.14
        into[MEMORY_TOTAL_BYTES] = memTotal * 1024.0;
        into[MEMORY_USED_BYTES] = (memTotal - available) * 1024.0;
        into[TEMPERATURE_C] = temperature();
        int processes = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
            for (Path p : entries) if (digits(p.getFileName().toString())) processes++;
        }
        into[PROCESS_COUNT] = processes;
    }

    private double temperature() {
        if (temperatureFile == null) return Double.NaN;
        try {
            double milli = Double.parseDouble(new String(Files.readAllBytes(temperatureFile), StandardCharsets.US_ASCII).trim());
            return milli > 0 ? milli / 1000 : Double.NaN;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The first line of /proc/stat: total jiffies (user to steal) and idle ones (idle + iowait). */
    private void cpuTicks(long[] into) throws IOException {
        String line;
        try (java.io.BufferedReader r = Files.newBufferedReader(proc.resolve("stat"), StandardCharsets.US_ASCII)) {
            line = r.readLine();
        }
        if (line == null || !line.startsWith("cpu ")) throw new IOException(proc.resolve("stat") + ": no cpu line");
        String[] f = line.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < f.length; i++) total += Long.parseLong(f[i]);
        into[0] = total;
        into[1] = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
    }

    private static long kib(String line) {
        String[] f = line.trim().split("\\s+");
        return Long.parseLong(f[1]);
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    @Override
    protected void closeDevice() {
        // Nothing held open between samples.
    }
}
