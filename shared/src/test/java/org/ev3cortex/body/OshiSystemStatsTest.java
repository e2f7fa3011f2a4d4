package org.ev3cortex.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** OSHI's figures against the kernel's own, read independently from /proc. */
@EnabledOnOs(OS.LINUX)
class OshiSystemStatsTest {

    @Test
    void memoryAndProcessesMatchProc() throws Exception {
        try (OshiSystemStats stats = new OshiSystemStats(SystemClock.INSTANCE, 50)) {
            stats.start();
            double[] v = new double[SystemStats.SIZE];
            Reading r = new Reading();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (stats.read(v, r) < 2 && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(r.sequence).as("samples within 10 s; state %s, failure %s", r.state, stats.failure())
                    .isGreaterThanOrEqualTo(2);

            long memTotalKb = Files.readAllLines(Paths.get("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:")).map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElseThrow();
            assertThat(v[SystemStats.MEMORY_TOTAL_BYTES]).isEqualTo(memTotalKb * 1024.0);
            assertThat(v[SystemStats.MEMORY_USED_BYTES]).isBetween(1.0, v[SystemStats.MEMORY_TOTAL_BYTES]);
            assertThat(v[SystemStats.CPU_LOAD]).isBetween(0.0, 1.0);

            long procs;
            try (Stream<Path> s = Files.list(Paths.get("/proc"))) {
                procs = s.filter(p -> p.getFileName().toString().matches("\\d+")).count();
            }
            assertThat(v[SystemStats.PROCESS_COUNT]).isCloseTo(procs, org.assertj.core.data.Offset.offset(procs * 0.2 + 5));
            double t = v[SystemStats.TEMPERATURE_C];
            assertThat(Double.isNaN(t) || t > 0 && t < 130).as("temperature %s", t).isTrue();
        }
    }

    /** The busy fraction between two tick samples, from known ticks (OSHI's rule: idle and iowait are not busy). */
    @Test
    void cpuLoadIsTheShareOfTicksNeitherIdleNorWaiting() {
        // user, nice, system, idle, iowait, irq, softirq, steal
        long[] before = {100, 0, 50, 1000, 20, 0, 0, 0};
        long[] after = {130, 0, 60, 1050, 30, 5, 5, 0};
        // 110 ticks passed, 60 of them idle or waiting: 50 busy.
        assertThat(OshiSystemStats.cpuLoad(before, after)).isEqualTo(50.0 / 110.0);
        assertThat(OshiSystemStats.cpuLoad(after, after)).isZero();
        assertThat(OshiSystemStats.kibibytes("16314424 kB")).isEqualTo(16314424.0);
        assertThat(OshiSystemStats.kibibytes(null)).isNaN();
        assertThat(OshiSystemStats.kibibytes("garbage")).isNaN();
    }
}
