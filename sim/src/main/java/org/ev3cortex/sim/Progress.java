package org.ev3cortex.sim;

import org.ev3cortex.agent.TickLoop;

/**
 * A progress bar for long runs: simulated seconds, ticks per second and speed against real
 * time. On a terminal it redraws one line; in a log or CI it prints a line every 10%.
 */
final class Progress implements Runnable {
    private final TickLoop loop;
    private final long totalTicks;
    private final long periodMs;
    private final boolean tty = System.console() != null;
    private final long startWall = System.nanoTime();
    private volatile boolean done;
    private int lastDecile = -1;

    Progress(TickLoop loop, long totalTicks, long periodMs) {
        this.loop = loop;
        this.totalTicks = totalTicks;
        this.periodMs = periodMs;
    }

    @Override
    public void run() {
        while (!done) {
            print(false);
            try {
                Thread.sleep(tty ? 200 : 100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void finish() {
        done = true;
        print(true);
    }

    private synchronized void print(boolean last) {
        long ticks = loop.tick();
        double fraction = Math.min(1, ticks / (double) totalTicks);
        int decile = (int) (fraction * 10);
        if (!tty && !last && decile == lastDecile) return;
        if (!tty && last && lastDecile == 10) return;
        lastDecile = decile;
        double wall = Math.max((System.nanoTime() - startWall) / 1e9, 1e-9);
        double simulated = ticks * periodMs / 1000.0;
        int width = 30;
        int filled = (int) Math.round(fraction * width);
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        String line = String.format("[%s] %3.0f%%  sim %7.1f s  %8.0f ticks/s  %6.0fx real time",
                bar, fraction * 100, simulated, ticks / wall, simulated / wall);
        if (tty) {
            System.out.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
            System.out.println(line);
        }
        System.out.flush();
    }
}
