package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.ev3cortex.body.SystemStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brick's statistics from a fake procfs and thermal class, against figures worked out by hand. */
class ProcSystemStatsTest {
    @TempDir Path dir;

    @Test
    void loadMemoryTemperatureAndProcessesFromProcAndSys() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Path thermal = Files.createDirectories(dir.resolve("thermal"));
        //            user nice system idle iowait irq softirq steal guest guest_nice
        Files.writeString(proc.resolve("stat"), "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 100 0 50 800 50 0 0 0 0 0\nintr 1\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:          57000 kB\nMemFree:            9000 kB\n"
                + "MemAvailable:      36000 kB\nBuffers:            1000 kB\nCached:            20000 kB\n");
        for (String d : new String[] {"1", "42", "317", "self", "sys", "12a"}) Files.createDirectories(proc.resolve(d));
        Files.createDirectories(thermal.resolve("thermal_zone1"));
        Files.writeString(thermal.resolve("thermal_zone1").resolve("temp"), "55000\n");
        Files.createDirectories(thermal.resolve("thermal_zone0"));
        Files.writeString(thermal.resolve("thermal_zone0").resolve("temp"), "47500\n");

        ProcSystemStats s = new ProcSystemStats(org.ev3cortex.body.SystemClock.INSTANCE, 50, proc, thermal);
        s.openDevice();
        // 1 s later: 60 more busy jiffies (user 40, system 20), 40 more idle (30 idle, 10 iowait).
        Files.writeString(proc.resolve("stat"), "cpu  140 0 70 830 60 0 0 0 0 0\n");
        double[] v = new double[SystemStats.SIZE];
        s.capture(v);
        assertThat(v[SystemStats.CPU_LOAD]).isEqualTo(0.6);
        assertThat(v[SystemStats.MEMORY_TOTAL_BYTES]).isEqualTo(57000 * 1024.0);
        assertThat(v[SystemStats.MEMORY_USED_BYTES]).isEqualTo((57000 - 36000) * 1024.0);
        assertThat(v[SystemStats.TEMPERATURE_C]).as("the first zone").isEqualTo(47.5);
        assertThat(v[SystemStats.PROCESS_COUNT]).isEqualTo(3);

        // No MemAvailable (old kernels): free + buffers + cache. No thermal zone (the EV3): NaN.
        Files.writeString(proc.resolve("meminfo"), "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 250 kB\n");
        ProcSystemStats ev3 = new ProcSystemStats(org.ev3cortex.body.SystemClock.INSTANCE, 50, proc, dir.resolve("no-thermal"));
        ev3.openDevice();
        ev3.capture(v);
        assertThat(v[SystemStats.CPU_LOAD]).as("no jiffies passed").isZero();
        assertThat(v[SystemStats.MEMORY_USED_BYTES]).isEqualTo(600 * 1024.0);
        assertThat(v[SystemStats.TEMPERATURE_C]).isNaN();
    }

    @Test
    void thisLinuxHostsFiguresAreSane() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Paths.get("/proc/stat")), "Linux only");
        ProcSystemStats s = new ProcSystemStats(org.ev3cortex.body.SystemClock.INSTANCE, 50, Paths.get("/proc"), Paths.get("/sys/class/thermal"));
        s.openDevice();
        double[] v = new double[SystemStats.SIZE];
        s.capture(v);
        s.capture(v);
        assertThat(v[SystemStats.CPU_LOAD]).isBetween(0.0, 1.0);
        assertThat(v[SystemStats.MEMORY_USED_BYTES]).isPositive().isLessThan(v[SystemStats.MEMORY_TOTAL_BYTES]);
        assertThat(v[SystemStats.PROCESS_COUNT]).isEqualTo((double) ProcessHandle.allProcesses().count(), org.assertj.core.data.Offset.offset(20.0));
    }
}
