package org.ev3cortex.sim.record;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Foxglove's {@code @mcap/core} under Node on a file (src/test/node/read-mcap.cjs). The tests
 * skip only when node or the installed node_modules are missing; .ci/run installs both.
 */
final class NodeMcap {
    static final Path DIR = Paths.get("src/test/node").toAbsolutePath();

    private NodeMcap() {}

    static void assumeAvailable() {
        boolean node;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            node = false;
        }
        assumeTrue(node, "node is not installed (.ci/run installs Debian's nodejs)");
        assumeTrue(Files.isDirectory(DIR.resolve("node_modules/@mcap/core")),
                "run 'npm ci' in " + DIR + " (.ci/run does)");
    }

    /** The reader's report; mode "indexed" or "stream". Fails on a reader error. */
    static Map<String, Object> read(Path file, String mode) throws Exception {
        Process p = new ProcessBuilder("node", "read-mcap.cjs", file.toAbsolutePath().toString(), mode)
                .directory(DIR.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("node read-mcap.cjs timed out");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("@mcap/core could not read " + file + ": " + new String(err, StandardCharsets.UTF_8));
        }
        return JsonIn.object(JsonIn.parse(new String(out, StandardCharsets.UTF_8).trim()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> channel(Map<String, Object> report, String topic) {
        return (Map<String, Object>) ((Map<String, Object>) report.get("channels")).get(topic);
    }

    static long count(Map<String, Object> report, String topic) {
        return ((Number) channel(report, topic).get("count")).longValue();
    }
}
