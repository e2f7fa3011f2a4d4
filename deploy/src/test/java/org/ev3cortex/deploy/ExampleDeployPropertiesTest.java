package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The shipped docs/examples/deploy.properties loads through {@link Target#load} with the values
 * java.util.Properties reads from it, and the brick's JVM flags are one set: the deploy default,
 * the example, README.md and docs/brick.md.
 */
class ExampleDeployPropertiesTest {
    static final Path ROOT = Paths.get(System.getProperty("ev3cortex.repoRoot", ".."));
    static final Path EXAMPLE = ROOT.resolve("docs/examples/deploy.properties");

    @Test
    void theExampleLoadsWithItsOwnValues() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(EXAMPLE, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Target t = Target.load(EXAMPLE).validate();
        assertThat(t.host).isEqualTo(p.getProperty("host")).isEqualTo("ev3dev.local");
        assertThat(t.port).isEqualTo(Integer.parseInt(p.getProperty("port")));
        assertThat(t.user).isEqualTo(p.getProperty("user"));
        assertThat(t.remoteDir).isEqualTo(p.getProperty("remoteDir"));
        assertThat(t.java).isEqualTo(p.getProperty("java"));
        assertThat(t.knownHostsFile).isEqualTo(Paths.get(System.getProperty("user.home"), ".ssh", "known_hosts"));
        assertThat(t.jvmFlags).isEqualTo(p.getProperty("jvmFlags")).isEqualTo(Target.DEFAULT_JVM_FLAGS);
        assertThat(t.identityFile).as("commented out: the usual ~/.ssh keys").isNull();
    }

    @Test
    void theDocsShowTheDefaultJvmFlagsAndNoOtherSet() throws Exception {
        for (String doc : new String[] {"README.md", "docs/brick.md", "docs/deploy.md"}) {
            String text = Files.readString(ROOT.resolve(doc)).replaceAll("\\s*\\\\\\n\\s*", " ");
            assertThat(text).as(doc).contains(Target.DEFAULT_JVM_FLAGS);
            // Any other -Xmx on a command run on the brick would be a second set.
            assertThat(text.replace(Target.DEFAULT_JVM_FLAGS, "")).as(doc).doesNotContainPattern("ssh [^\\n`|]*java [^\\n`|]*-Xm");
        }
    }
}
