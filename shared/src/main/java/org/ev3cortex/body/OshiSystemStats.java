package org.ev3cortex.body;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.Sensors;
import oshi.software.os.OperatingSystem;

/**
 * {@link SystemStats} from OSHI, sampled every {@code intervalMs} on a capture thread. OSHI runs
 * on the brick too (JNA ships linux-armel natives); its udev use is turned off there, since the
 * brick has no need for it and loading libudev costs start-up time.
 */
public final class OshiSystemStats extends ThreadedSource<double[]> implements SystemStats {
    private final long intervalMs;
    private CentralProcessor cpu;
    private GlobalMemory memory;
    private Sensors sensors;
    private OperatingSystem os;
    private long[] previousTicks;
    private boolean first = true;

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
        cpu = hal.getProcessor();
        memory = hal.getMemory();
        sensors = hal.getSensors();
        os = si.getOperatingSystem();
        previousTicks = cpu.getSystemCpuLoadTicks();
        first = true;
    }

    @Override
    protected void capture(double[] into) throws InterruptedException {
        if (!first) Thread.sleep(intervalMs);
        first = false;
        long[] ticks = cpu.getSystemCpuLoadTicks();
        into[CPU_LOAD] = clamp01(cpu.getSystemCpuLoadBetweenTicks(previousTicks));
        previousTicks = ticks;
        long total = memory.getTotal();
        into[MEMORY_TOTAL_BYTES] = total;
        into[MEMORY_USED_BYTES] = total - memory.getAvailable();
        double t = sensors.getCpuTemperature();
        into[TEMPERATURE_C] = t > 0 && Double.isFinite(t) ? t : Double.NaN; // OSHI reports 0 when unknown
        into[PROCESS_COUNT] = os.getProcessCount();
    }

    private static double clamp01(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }

    @Override
    protected void closeDevice() {
        // OSHI holds no device handle.
    }
}
