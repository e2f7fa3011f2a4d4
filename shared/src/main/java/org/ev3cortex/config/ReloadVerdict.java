package org.ev3cortex.config;

import java.util.List;

/**
 * What became of one hot reload. {@code deploy tune} prints this to the user, so the lines are
 * written for people: every error with its key and {@code file:line}.
 */
public final class ReloadVerdict {

    public enum Status {
        /** Valid and different: handed to the loop, which applies it between two ticks. */
        ACCEPTED,
        /** The loop has applied it; {@link #tick()} is the first tick that ran with it. */
        APPLIED,
        /** Invalid: the old config keeps running. */
        REJECTED,
        /** Valid, but changes a restart-only key: the old config keeps running. */
        RESTART_REQUIRED,
        /** The files changed on disk, but no effective value did. */
        UNCHANGED
    }

    private final Status status;
    private final List<String> lines;
    private final long tick;

    public ReloadVerdict(Status status, List<String> lines, long tick) {
        this.status = status;
        this.lines = List.copyOf(lines);
        this.tick = tick;
    }

    public Status status() { return status; }
    public List<String> lines() { return lines; }
    public long tick() { return tick; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (status == Status.APPLIED) sb.append(" at tick ").append(tick);
        for (String l : lines) sb.append(System.lineSeparator()).append("  ").append(l);
        return sb.toString();
    }
}
