package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ev3cortex.config.ConfigError;
import org.ev3cortex.config.ConfigException;
import org.ev3cortex.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad world files: every error names the key and file:line, and nothing runs. */
class BadWorldTest {
    @TempDir
    Path dir;

    private List<ConfigError> errors(String text) throws Exception {
        Path world = dir.resolve("world.properties");
        Files.write(world, text.getBytes(StandardCharsets.UTF_8));
        try {
            new ConfigLoader(SimKeys.schema()).load(List.of(world));
        } catch (ConfigException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + text);
    }

    private String where() {
        return dir.resolve("world.properties").toString();
    }

    @Test
    void unknownWorldKey() throws Exception {
        assertThat(errors("sim.world.widthM=5\nsim.world.obstacle=box 1 1 1 1 red\n")).extracting(ConfigError::toString)
                .containsExactly(where() + ":2: sim.world.obstacle: unknown key (did you mean sim.world.obstacles?)");
    }

    @Test
    void obstacleOutsideTheArena() throws Exception {
        assertThat(errors("sim.world.widthM=4\n# a box past the right wall\nsim.world.obstacles=box 1 1 0.2 0.2 red; box 3.95 1 0.3 0.3 blue\n"))
                .extracting(ConfigError::toString)
                .containsExactly(where() + ":3: sim.world.obstacles: obstacle 2 (box at 3.95,1.00 size 0.30x0.30) lies"
                        + " outside the 4.0 x 3.0 m arena");
    }

    @Test
    void missingWav() throws Exception {
        List<ConfigError> e = errors("sim.world.sounds=wav 2 2 cricket.wav 0.5 on=0.2 period=0.5\n");
        assertThat(e).extracting(ConfigError::toString).containsExactly(where() + ":1: sim.world.sounds: sound 1: wav file"
                + " not found: " + dir.resolve("cricket.wav").toAbsolutePath());
    }

    @Test
    void malformedObstacleNamesTheItem() throws Exception {
        assertThat(errors("sim.world.obstacles=box 1 1 0.2 0.2 red; cylinder 2 x 0.1 blue\n"))
                .extracting(ConfigError::toString).containsExactly(where() + ":1: sim.world.obstacles: item 2"
                        + " 'cylinder 2 x 0.1 blue': Y 'x' is not a number; expected cylinder X Y R COLOUR");
    }

    @Test
    void unknownColourAndShape() throws Exception {
        assertThat(errors("sim.world.obstacles=box 1 1 0.2 0.2 mauve\nsim.world.sounds=whistle 1 1 0.5\n"))
                .extracting(ConfigError::toString).containsExactly(
                        where() + ":1: sim.world.obstacles: item 1 'box 1 1 0.2 0.2 mauve': 'mauve' is not a colour;"
                                + " expected #rrggbb or one of black, blue, brown, cyan, gray, green, grey, orange, purple,"
                                + " red, white, yellow",
                        where() + ":2: sim.world.sounds: item 1 'whistle 1 1 0.5': unknown sound 'whistle'; expected "
                                + org.ev3cortex.sim.world.WorldSpec.SOUND_FORMS);
    }

    @Test
    void robotStartingInsideAnObstacle() throws Exception {
        assertThat(errors("sim.world.obstacles=box 1 1 0.4 0.4 red\nsim.robot.x=1.1\nsim.robot.y=1.0\n"))
                .extracting(ConfigError::toString).containsExactly(where() + ":2: sim.robot.x: the robot starts inside"
                        + " an obstacle (box at 1.00,1.00 size 0.40x0.40)");
    }

    @Test
    void theRunCommandExitsWithCode2AndListsTheErrors() throws Exception {
        Path world = dir.resolve("bad.properties");
        Files.write(world, "sim.world.widthM=abc\nagent.periodMz=10\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SimMain.commandLine().execute("run", "--headless", "--world", world.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(world + ":1: sim.world.widthM: 'abc' is not a number")
                .contains(world + ":2: agent.periodMz: unknown key (did you mean agent.periodMs?)");
    }
}
