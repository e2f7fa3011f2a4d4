package org.ev3cortex.sim.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.swing.JComponent;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.ganglia.SwitchLog;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.sim.body.SimBody;
import org.junit.jupiter.api.Test;

/** The viewer's panels painted off screen (no display needed) after a real simulated run. */
class ViewerPanelsTest {

    private static Agent agent(long ticks, List<ViewerPanels.Panel> panels) throws Exception {
        Config c = new ConfigLoader(SimKeys.schema()).load(List.of(),
                List.of(new ConfigOverride("sim.hostStats", "false", "test"), new ConfigOverride("sim.seed", "7", "test")));
        Agent a = new Agent(new SimBody(c), c, List.of());
        panels.addAll(ViewerPanels.forAgent(a));
        a.loop().addObserver((t, s, m) -> {
            for (ViewerPanels.Panel p : panels) p.copy(t, s);
        });
        a.loop().runTicks(ticks);
        return a;
    }

    private static BufferedImage paint(JComponent c, int w, int h) {
        c.setSize(w, h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        c.paint(g);
        g.dispose();
        return img;
    }

    @Test
    void theSheetPanelOutlinesEveryAreaInItsColour() throws Exception {
        List<ViewerPanels.Panel> panels = new ArrayList<>();
        try (Agent a = agent(50, panels)) {
            ViewerPanels.Panel sheetPanel = panels.stream().filter(p -> p instanceof ViewerPanels.SheetPanel).findFirst()
                    .orElseThrow();
            int w = 600;
            int h = 400;
            BufferedImage img = paint(sheetPanel.component(new Object()), w, h);
            Sheet sheet = a.sheet();
            // The large activity map: 2/3 of the width, scaled to fit, the back (high y) at the top.
            double s = Math.min((w * 2 / 3 - 3) / (double) sheet.width(), h / (double) sheet.height());
            assertThat(sheet.areas()).hasSizeGreaterThanOrEqualTo(7);
            for (Area area : sheet.areas()) {
                int ax = (int) Math.round(area.x() * s);
                int ay = (int) Math.round((sheet.height() - area.y() - area.height()) * s);
                int aw = Math.max(2, (int) Math.round(area.width() * s));
                int ah = Math.max(2, (int) Math.round(area.height() * s));
                int colour = ViewerPlots.areaColour(area.index()).getRGB() & 0xFFFFFF;
                int on = 0;
                int perimeter = 0;
                for (int x = ax; x < ax + aw; x++) {
                    for (int y : new int[] {ay, ay + ah - 1}) {
                        perimeter++;
                        if ((img.getRGB(x, y) & 0xFFFFFF) == colour) on++;
                    }
                }
                for (int y = ay; y < ay + ah; y++) {
                    for (int x : new int[] {ax, ax + aw - 1}) {
                        perimeter++;
                        if ((img.getRGB(x, y) & 0xFFFFFF) == colour) on++;
                    }
                }
                assertThat(on).as("%s outlined at %d,%d %dx%d", area, ax, ay, aw, ah).isGreaterThan(perimeter / 2);
            }
        }
    }

    @Test
    void switchesAreListedNewestFirst() throws Exception {
        try (Agent a = agent(400, new ArrayList<>())) {
            SwitchLog log = a.selection().switches();
            assertThat(log.kept()).isGreaterThan(5);
            List<String> lines = ViewerPlots.SwitchesPanel.newestFirst(log, 1_000);
            List<Long> ticks = new ArrayList<>();
            for (String l : lines) ticks.add(Long.parseLong(l.trim().split("\\s+")[0]));
            List<Long> oldestFirst = new ArrayList<>();
            for (String d : log.describe()) oldestFirst.add(Long.parseLong(d.substring(5, d.indexOf(':'))));
            Collections.reverse(oldestFirst);
            assertThat(ticks).isEqualTo(oldestFirst);
            assertThat(lines.get(0)).contains(a.selection().active().name().substring(0, 5));
            assertThat(ViewerPlots.SwitchesPanel.newestFirst(log, 3)).isEqualTo(lines.subList(0, 3));
        }
    }
}
