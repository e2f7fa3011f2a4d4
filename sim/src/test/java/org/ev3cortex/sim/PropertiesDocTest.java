package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.PropertiesDoc;
import org.junit.jupiter.api.Test;

/**
 * docs/properties.md is generated from the declarations of every key (the agent's and the
 * simulator's); it must not drift. It lives in sim, the one module that sees all of them.
 */
class PropertiesDocTest {

    @Test
    void committedDocsMatchTheDeclarations() throws Exception {
        Path doc = Paths.get(System.getProperty("ev3cortex.repoRoot", ".."), "docs", "properties.md");
        String expected = PropertiesDoc.render(SimKeys.schema());
        if (Boolean.getBoolean("ev3cortex.writeDocs")) {
            Files.write(doc, expected.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(doc).as("docs/properties.md").exists();
        String actual = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8);
        assertThat(actual)
                .as("docs/properties.md is out of date; regenerate it with "
                        + "mvn -q -pl sim -am test -Dtest=PropertiesDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dev3cortex.writeDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void everyKeyIsDocumentedWithTypeDefaultAndRange() {
        String md = PropertiesDoc.render(SimKeys.schema());
        for (Key<?> k : SimKeys.schema().keys()) {
            assertThat(md).contains("| `" + k.name() + "` | " + k.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " | `" + k.format(k.defaultValue()) + "` |");
        }
        assertThat(md).contains("| `agent.periodMs` | int | `100` | ms | [1, 10000] |  |");
        assertThat(md).contains("| `body.motorPorts` | string | `outB,outC` |  | non-empty | restart |");
    }
}
