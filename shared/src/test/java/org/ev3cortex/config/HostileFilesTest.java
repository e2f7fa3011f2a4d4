package org.ev3cortex.config;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are endless, carry a BOM, bad bytes in comments or control characters in values. */
class HostileFilesTest {
    @TempDir Path dir;
    private final ConfigLoader loader = AgentSchema.loader();

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private List<String> errors(Path p) {
        try {
            loader.load(List.of(p));
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).collect(java.util.stream.Collectors.toList());
        }
        throw new AssertionError("expected " + p + " to be rejected");
    }

    @Test
    void anEndlessFileIsRefusedAtTheLimitNotReadUntilTheHeapIsGone() {
        assertThat(errors(Paths.get("/dev/zero"))).containsExactly("/dev/zero: too large (limit 1048576 bytes)");
    }

    @Test
    void aFileJustOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws IOException {
        byte[] big = new byte[BoundedRead.CONFIG_LIMIT + 1];
        java.util.Arrays.fill(big, (byte) '\n');
        Path p = file("big.properties", big);
        assertThat(errors(p)).containsExactly(p + ": too large (limit 1048576 bytes)");
        Path ok = file("ok.properties", java.util.Arrays.copyOf(big, BoundedRead.CONFIG_LIMIT));
        assertThat(catchLoad(ok)).isNull();
    }

    private ConfigException catchLoad(Path p) {
        try {
            loader.load(List.of(p));
            return null;
        } catch (ConfigException e) {
            return e;
        }
    }

    @Test
    void aUtf8BomIsStripped() throws Exception {
        byte[] text = "agent.periodMs=50\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Config c = loader.load(List.of(file("bom.properties", withBom)));
        assertThat(c.get(org.ev3cortex.seam.LoopKeys.PERIOD_MS)).isEqualTo(50);
    }

    @Test
    void anInvisibleCharacterInAnUnknownKeyIsShown() throws IOException {
        Path p = file("zw.properties", "agent.\u200BperiodMs=50\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(errors(p)).singleElement().asString()
                .startsWith(p + ":1: agent.\\u200BperiodMs: unknown key");
    }

    @Test
    void aByteThatIsNotUtf8InACommentIsAnError() throws IOException {
        Path p = file("latin1.properties", new byte[] {'#', ' ', 'c', (byte) 0xE9, '\n', 'a', 'g', 'e', 'n', 't', '.',
                'p', 'e', 'r', 'i', 'o', 'd', 'M', 's', '=', '5', '0', '\n'});
        assertThat(errors(p)).containsExactly(p + ":1: bytes that are not UTF-8 (0xE9 at column 4); save the file as UTF-8 (in a comment)");
    }

    @Test
    void controlCharactersInValuesAreRefused() throws IOException {
        Path p = file("ctl.properties", "ev3.camera.command=ffmpeg\u0007 -i x\nev3.mic.device=hw:1\\u0000\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> e = errors(p);
        assertThat(e).hasSize(2);
        assertThat(e.get(0)).startsWith(p + ":1: ev3.camera.command: the value holds a control character (U+0007 at position 7)");
        assertThat(e.get(1)).startsWith(p + ":2: ev3.mic.device: the value holds a control character (U+0000 at position 5)");
    }

    @Test
    void controlCharactersInOverridesAreRefused() {
        try {
            loader.load(List.of(), List.of(new ConfigOverride("ev3.mic.device", "hw:1\n", "--set")));
            throw new AssertionError("accepted");
        } catch (ConfigException e) {
            assertThat(e.errors().get(0).toString()).startsWith("--set: ev3.mic.device: the value holds a control character (U+000A");
        }
    }
}
