package org.ev3cortex.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** docs/properties.md is generated from the declarations; it must not drift. */
class PropertiesDocTest {

    @Test
    void committedDocsMatchTheDeclarations() throws Exception {
        Path doc = Paths.get(System.getProperty("ev3cortex.repoRoot", ".."), "docs", "properties.md");
        String expected = PropertiesDoc.render(Schema.standard());
        if (Boolean.getBoolean("ev3cortex.writeDocs")) {
            Files.write(doc, expected.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(doc).as("docs/properties.md").exists();
        String actual = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8);
        assertThat(actual)
                .as("docs/properties.md is out of date; regenerate it with "
                        + "mvn -q -pl shared test -Dtest=PropertiesDocTest -Dev3cortex.writeDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void everyKeyIsDocumentedWithTypeDefaultAndRange() {
        String md = PropertiesDoc.render(Schema.standard());
        for (Key<?> k : Schema.standard().keys()) {
            assertThat(md).contains("| `" + k.name() + "` | " + k.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " | `" + k.format(k.defaultValue()) + "` |");
        }
        assertThat(md).contains("| `agent.periodMs` | int | `100` | ms | [1, 10000] |  |");
        assertThat(md).contains("| `body.motorPorts` | string | `outB,outC` |  | non-empty | restart |");
    }
}
