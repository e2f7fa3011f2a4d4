package org.ev3cortex.body;

import java.util.Map;
import oshi.SystemInfo;
import oshi.driver.linux.proc.CpuStat;
import oshi.driver.linux.proc.ProcessStat;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.Sensors;
import oshi.software.os.OperatingSystem;
import oshi.util.FileUtil;
import oshi.util.platform.linux.ProcPath;

/**
 * {@link SystemStats} from OSHI, sampled every {@code intervalMs} on a capture thread.
 *
 * <p>On Linux (the brick, and most laptops) it uses OSHI's {@code /proc} drivers and its sensors
 * alone: {@link CpuStat} for the CPU's ticks, {@code /proc/meminfo} through OSHI's file reader,
 * {@link ProcessStat} for the processes, {@code LinuxSensors} for the temperature. OSHI's full
 * hardware layer would identify the processor and read the page size first, which loads JNA's
 * native library, runs {@code ldconfig -p} and {@code uname} as child processes and leaves two
 * threads behind (JNA's cleaner, and a process reaper for 60 s): on x86 under the brick's flags
 * that cost about 5 MB of resident memory and, on the brick, start-up time, for figures we do
 * not use. Elsewhere (macOS, Windows laptops) it uses OSHI's portable hardware layer. Its udev
 * use is off in both cases: nothing here needs it, and loading libudev costs start-up time.
 */
public final class OshiSystemStats extends ThreadedSource<double[]> implements SystemStats {
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    private static final int IDLE = TickType.IDLE.getIndex();
    private static final int IOWAIT = TickType.IOWAIT.getIndex();

    private final long intervalMs;
    private CentralProcessor cpu;
    private GlobalMemory memory;
    private Sensors sensors;
    private OperatingSystem os;
    private long[] previousTicks;
    private boolean first = true;
    private long nextSampleNanos;

    public OshiSystemStats(Clock clock, long intervalMs) {
        super("system-stats", clock, 1_000, 30_000);
        this.intervalMs = intervalMs;
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
    protected void openDevice() {
        if (System.getProperty("oshi.os.linux.allowudev") == null) {
            System.setProperty("oshi.os.linux.allowudev", "false");
        }
        SystemInfo si = new SystemInfo();
        HardwareAbstractionLayer hal = si.getHardware();
        sensors = hal.getSensors();
        if (!LINUX) {
            cpu = hal.getProcessor();
            memory = hal.getMemory();
            os = si.getOperatingSystem();
        }
        previousTicks = ticks();
        first = true;
    }

    @Override
    protected void capture(double[] into) throws InterruptedException {
        if (!first) Thread.sleep(intervalMs);
        sample(into);
    }

    @Override
    protected boolean pollable() {
        return true;
    }

    /** A sample once every {@code intervalMs} (a few reads of /proc); false in between. */
    @Override
    protected boolean poll(double[] into) {
        long now = System.nanoTime();
        if (!first && now - nextSampleNanos < 0) return false;
        nextSampleNanos = now + intervalMs * 1_000_000L;
        sample(into);
        return true;
    }

    private void sample(double[] into) {
        first = false;
        long[] ticks = ticks();
        into[CPU_LOAD] = clamp01(cpuLoad(previousTicks, ticks));
        previousTicks = ticks;
        if (LINUX) {
            Map<String, String> meminfo = FileUtil.getKeyValueMapFromFile(ProcPath.MEMINFO, ":");
            double total = kibibytes(meminfo.get("MemTotal")) * 1024.0;
            into[MEMORY_TOTAL_BYTES] = total;
            into[MEMORY_USED_BYTES] = total - kibibytes(meminfo.get("MemAvailable")) * 1024.0;
            into[PROCESS_COUNT] = ProcessStat.getPidFiles().length;
        } else {
            long total = memory.getTotal();
            into[MEMORY_TOTAL_BYTES] = total;
            into[MEMORY_USED_BYTES] = total - memory.getAvailable();
            into[PROCESS_COUNT] = os.getProcessCount();
        }
        double t = sensors.getCpuTemperature();
        into[TEMPERATURE_C] = t > 0 && Double.isFinite(t) ? t : Double.NaN; // OSHI reports 0 when unknown
    }

    private long[] ticks() {
        return LINUX ? CpuStat.getSystemCpuLoadTicks() : cpu.getSystemCpuLoadTicks();
    }

    /**
     * The busy fraction between two samples of the CPU's ticks: what is neither idle nor waiting
     * for I/O, over all ticks (OSHI's own {@code getSystemCpuLoadBetweenTicks} rule).
     */
    static double cpuLoad(long[] before, long[] after) {
        long total = 0;
        for (int i = 0; i < after.length; i++) total += after[i] - before[i];
        long idle = after[IDLE] - before[IDLE] + after[IOWAIT] - before[IOWAIT];
        return total > 0 ? (double) (total - idle) / total : 0;
    }

    /** A meminfo value such as {@code "16314424 kB"} in KiB; NaN when missing or unreadable. */
    static double kibibytes(String value) {
        if (value == null) return Double.NaN;
        String v = value.trim();
        int space = v.indexOf(' ');
        try {
            return Long.parseLong(space < 0 ? v : v.substring(0, space));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double clamp01(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }

    @Override
    protected void closeDevice() {
        // OSHI holds no device handle.
    }
}
