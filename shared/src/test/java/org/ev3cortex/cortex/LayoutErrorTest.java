package org.ev3cortex.cortex;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ev3cortex.config.ConfigError;
import org.ev3cortex.config.ConfigException;
import org.ev3cortex.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad layout is rejected with the key and the file:line that set it. */
class LayoutErrorTest {
    @TempDir
    Path dir;

    private List<String> errors(String text) throws IOException {
        Path p = dir.resolve("cortex.properties");
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        try {
            AgentSchema.loader().load(List.of(p));
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).collect(java.util.stream.Collectors.toList());
        }
        throw new AssertionError("expected the layout to be rejected");
    }

    private String p() {
        return dir.resolve("cortex.properties").toString();
    }

    @Test
    void overlappingAreasNameTheMovedKeyAndItsLine() throws IOException {
        List<String> errors = errors("# move S1 onto M1\ncortex.assoc.rate=0.001\ncortex.area.s1 = 30,0,16,12\n");
        assertThat(errors).containsExactly(p() + ":3: cortex.area.s1: area S1 (30,0,16,12) overlaps area M1"
                + " (cortex.area.m1 = 32,0,16,2)");
    }

    @Test
    void bothMovedAreasAreNamedWhenBothWereSet() throws IOException {
        List<String> errors = errors("cortex.area.v1L=10,30,16,16\ncortex.area.v1R=20,30,16,16\n");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith(p() + ":1: cortex.area.v1L: area V1-L (10,30,16,16) overlaps area V1-R");
        assertThat(errors.get(1)).startsWith(p() + ":2: cortex.area.v1R: area V1-R (20,30,16,16) overlaps area");
    }

    @Test
    void anAreaOffTheSheet() throws IOException {
        List<String> errors = errors("\ncortex.area.a1R=50,32,16,16\n");
        assertThat(errors).containsExactly(p() + ":2: cortex.area.a1R: area A1-R (50,32,16,16) runs off the 64x48"
                + " sheet (cortex.width, cortex.height)");
    }

    @Test
    void aShrunkSheetBlamesTheWidthsLineViaTheAreas() throws IOException {
        // The sheet shrank under default areas: each area off it is named (origin: default).
        List<String> errors = errors("cortex.width=40\n");
        assertThat(errors).contains("default: cortex.area.a1R: area A1-R (48,32,16,1) runs off the 40x48 sheet"
                + " (cortex.width, cortex.height)");
    }

    @Test
    void anAreaTooSmallForItsInput() throws IOException {
        List<String> errors = errors("cortex.area.insula = 0,0,4,12\n");
        assertThat(errors).containsExactly(p() + ":1: cortex.area.insula: area Insula is 4x12, too small for its"
                + " 6x1 input (6 x 1)");
    }

    @Test
    void aPathwayGrownPastItsArea() throws IOException {
        // The V1 map's size comes from the V1 keys: 32 rings no longer fit a 16-wide area.
        List<String> errors = errors("v1.rings=32\n");
        assertThat(errors).contains("default: cortex.area.v1L: area V1-L is 16x16, too small for its 32x16 input"
                + " (v1.rings x v1.sectors (x3 with v1.opponent))");
    }

    @Test
    void moreLatentUnitsThanPooledInputs() throws IOException {
        List<String> errors = errors("cortex.assoc.pool=16\ncortex.assoc.latent=12\n");
        assertThat(errors).containsExactly(p() + ":2: cortex.assoc.latent: the association layer has only 6 pooled"
                + " inputs (cortex.assoc.pool = 16), fewer than its 12 latent units");
    }

    @Test
    void aMalformedRectangleAndSize() throws IOException {
        List<String> errors = errors("cortex.area.m1=32,0,16\n");
        assertThat(errors).containsExactlyInAnyOrder(
                p() + ":1: cortex.area.m1: '32,0,16' is not a rectangle; expected x,y,w,h in units with x, y >= 0"
                        + " and w, h >= 1");
    }

    @Test
    void theDefaultLayoutIsValidAndPlacedAsTheArchitectureSays() throws Exception {
        Layout l = Layout.from(AgentSchema.loader().load(List.of()));
        Area v1l = l.area(Area.V1_L);
        Area v1r = l.area(Area.V1_R);
        Area s1 = l.area(Area.S1);
        Area m1 = l.area(Area.M1);
        int midline = v1l.x() + v1l.width();
        assertThat(v1r.x()).isEqualTo(midline);
        assertThat(v1l.y() + v1l.height()).as("V1 at the back edge").isEqualTo(l.height());
        assertThat(s1.x() + s1.width()).as("S1 | M1 straddle V1's vertical axis").isEqualTo(midline);
        assertThat(m1.x()).isEqualTo(midline);
        assertThat(l.area(Area.A1_L).x() + l.area(Area.A1_L).width()).as("A1-L beside V1-L").isEqualTo(v1l.x());
        assertThat(l.area(Area.A1_R).x()).as("A1-R beside V1-R").isEqualTo(v1r.x() + v1r.width());
        Area assoc = l.area(Area.ASSOC);
        assertThat(assoc.y()).isEqualTo(s1.y() + s1.height());
        assertThat(assoc.y() + assoc.height()).isEqualTo(v1l.y());
    }
}
