package org.ev3cortex.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Uploads the jar, the properties files and the launcher, sending only what differs and replacing
 * nothing until every new file is on the brick with the right checksum:
 * <ol>
 *   <li>one command: the sha256 of each remote file and the current config order;</li>
 *   <li>SFTP to temporary names in {@code .incoming/} (plain names chosen here, so SFTP never
 *       sees a user's file name);</li>
 *   <li>one command: verify every sha256 on the brick, keep the old jar as {@code agent.jar.prev},
 *       rename each file into place (an atomic rename per file), drop a stale CDS archive.</li>
 * </ol>
 * A no-change deploy is therefore one round trip; a cut connection leaves the old files untouched.
 */
public final class Deployer {
    private final Brick brick;
    private final Layout layout;
    private final PrintStream out;

    /** What a deploy did. */
    public static final class Report {
        public final List<String> uploaded = new ArrayList<>();
        public final List<String> skipped = new ArrayList<>();
        public long bytes;
        public double uploadSeconds;
        public int roundTrips;

        public double bytesPerSecond() {
            return uploadSeconds > 0 ? bytes / uploadSeconds : 0;
        }
    }

    private static final class Item {
        final String name;   // relative to the remote dir
        final Path local;    // or null for generated content
        final byte[] content;
        final String sha256;
        final long size;

        Item(String name, Path local, byte[] content) throws IOException {
            this.name = name;
            this.local = local;
            this.content = content;
            if (local != null) {
                this.sha256 = sha256(local);
                this.size = Files.size(local);
            } else {
                this.sha256 = sha256(new ByteArrayInputStream(content));
                this.size = content.length;
            }
        }

        InputStream open() throws IOException {
            return local != null ? Files.newInputStream(local) : new ByteArrayInputStream(content);
        }
    }

    public Deployer(Brick brick, PrintStream out) {
        this.brick = brick;
        this.layout = new Layout(brick.target());
        this.out = out;
    }

    /**
     * Deploys {@code jar} (may be null: keep the brick's) and {@code configs} (empty: keep the
     * brick's files and order; otherwise they become the launch order, later files win).
     */
    public Report deploy(Path jar, List<Path> configs) throws IOException {
        int rt0 = brick.roundTrips();
        Report report = new Report();
        List<String> configNames = new ArrayList<>();
        for (Path c : configs) {
            if (!Files.isRegularFile(c)) throw new IOException("no such properties file: " + c);
            String n = Shell.checkFileName(c.getFileName().toString());
            if (configNames.contains(n)) throw new IOException("two properties files are both named " + n);
            configNames.add(n);
        }
        if (jar != null && !Files.isRegularFile(jar)) throw new IOException("no such jar: " + jar);

        List<Item> items = new ArrayList<>();
        if (jar != null) items.add(new Item(Layout.JAR, jar, null));
        for (int i = 0; i < configs.size(); i++) items.add(new Item(Layout.CONFIGS + configNames.get(i), configs.get(i), null));

        // Round trip 1: what is there now.
        StringBuilder q = new StringBuilder(layout.prologue());
        q.append("rm -rf .incoming; mkdir .incoming\n"); // also clears what a cut upload left
        q.append("h() { if [ -f \"$1\" ]; then sha256sum < \"$1\" | cut -c1-64; else echo -; fi; }\n");
        q.append("echo \"order=$(h config/order)\"; echo \"launcher=$(h ").append(Layout.LAUNCHER).append(")\"\n");
        q.append("echo \"jar=$(h ").append(Layout.JAR).append(")\"\n");
        q.append("echo \"brickman=$(h ").append(Layout.BRICKMAN).append(")\"\n");
        for (Item it : items) q.append("h ").append(Shell.quote(it.name)).append('\n');
        q.append(FREE_KB);
        q.append("echo ---; cat config/order 2>/dev/null || true\n");
        String[] parts = brick.exec(q.toString()).orThrow("reading the brick's files").out.split("---\n", 2);
        String[] lines = parts[0].split("\n");
        String orderHash = lines[0].substring("order=".length());
        String launcherHash = lines[1].substring("launcher=".length());
        String jarHash = lines[2].substring("jar=".length());
        String brickmanHash = lines[3].substring("brickman=".length());
        if (jar == null && jarHash.equals("-")) {
            throw new IOException("the brick has no " + Layout.JAR + " yet: give --jar FILE");
        }
        List<Item> send = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (lines[4 + i].trim().equals(it.sha256)) report.skipped.add(it.name);
            else send.add(it);
        }
        if (configs.isEmpty() && parts.length > 1) {
            for (String n : parts[1].split("\n")) if (!n.isBlank()) configNames.add(n);
        }
        Item order = new Item("config/order", null, String.join("\n", configNames).concat(configNames.isEmpty() ? "" : "\n")
                .getBytes(StandardCharsets.UTF_8));
        Item launcher = new Item(Layout.LAUNCHER, null, layout.launcher(configNames).getBytes(StandardCharsets.UTF_8));
        Item brickman = new Item(Layout.BRICKMAN, null, layout.brickmanLauncher().getBytes(StandardCharsets.UTF_8));
        for (Item it : List.of(order, launcher, brickman)) {
            String have = it == order ? orderHash : it == launcher ? launcherHash : brickmanHash;
            if (have.equals(it.sha256)) report.skipped.add(it.name);
            else send.add(it);
        }
        long freeBytes = freeBytes(lines, 4 + items.size());
        long needed = 0;
        for (Item it : send) needed += it.size;
        if (freeBytes >= 0 && needed > freeBytes) throw new IOException(diskFull(needed, freeBytes));
        if (send.isEmpty()) {
            out.println("Nothing to send: all " + report.skipped.size() + " files already on the brick (sha256 match).");
            report.roundTrips = brick.roundTrips() - rt0;
            return report;
        }

        // Upload to plain temporary names; nothing on the brick changes yet.
        long t0 = System.nanoTime();
        for (int i = 0; i < send.size(); i++) {
            Item it = send.get(i);
            Progress p = new Progress(out, it.name, it.size);
            try (InputStream in = it.open()) {
                brick.upload(in, layout.sftpPath(".incoming/" + i), p);
            } catch (IOException e) {
                out.println();
                long remaining = 0;
                for (int k = i; k < send.size(); k++) remaining += send.get(k).size;
                long free = freeAfterFailedUpload();
                if (free >= 0 && free < remaining) throw new IOException(diskFull(needed, free), e);
                throw new IOException(e.getMessage() + "\nNothing on the brick was replaced; the running files are"
                        + " unchanged. Run deploy again to retry.", e);
            }
            report.bytes += it.size;
        }
        report.uploadSeconds = (System.nanoTime() - t0) / 1e9;

        // Verify everything, then rename into place.
        StringBuilder c = new StringBuilder("set -e\ncd ").append(Shell.quote(layout.dir())).append('\n');
        c.append("v() { s=$(sha256sum < \"$1\" | cut -c1-64); if [ \"$s\" != \"$2\" ]; then echo \"checksum mismatch for $3:"
                + " sent $2, brick has $s\" >&2; rm -rf .incoming; exit 3; fi; }\n");
        for (int i = 0; i < send.size(); i++) {
            c.append("v .incoming/").append(i).append(' ').append(send.get(i).sha256).append(' ')
                    .append(Shell.quote(send.get(i).name)).append('\n');
        }
        for (int i = 0; i < send.size(); i++) {
            Item it = send.get(i);
            if (it.name.equals(Layout.JAR)) {
                c.append("if [ -f ").append(Layout.JAR).append(" ]; then ln -f ").append(Layout.JAR).append(' ').append(Layout.PREV)
                        .append(" 2>/dev/null || cp -p ").append(Layout.JAR).append(' ').append(Layout.PREV).append("; fi\n");
                // The archive is tied to the jar it was built from: drop it, never run a stale one.
                c.append("rm -f ").append(Layout.CDS_ARCHIVE).append('\n');
            }
            if (it == launcher || it == brickman) c.append("chmod 755 .incoming/").append(i).append('\n');
            c.append("mv -f .incoming/").append(i).append(' ').append(Shell.quote(it.name)).append('\n');
            c.append("echo installed=").append(i).append('\n');
        }
        c.append("rm -rf .incoming\nsync\n");
        Brick.Result installed = brick.exec(c.toString());
        if (installed.exit != 0) throw new IOException(installFailed(installed, send));
        for (Item it : send) report.uploaded.add(it.name);
        report.roundTrips = brick.roundTrips() - rt0;
        return report;
    }

    /** Prints the free space of the remote directory's file system in KiB as {@code free=N} (empty if unknown). */
    private static final String FREE_KB = "echo \"free=$(df -Pk . 2>/dev/null | awk 'NR==2{print $4}')\"\n";

    private static long freeBytes(String[] lines, int at) {
        if (at >= lines.length || !lines[at].startsWith("free=")) return -1;
        try {
            return Long.parseLong(lines[at].substring(5).trim()) * 1024;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** After a failed upload: clears the partial files (so the disk is not left full) and asks how much is free. */
    private long freeAfterFailedUpload() {
        try {
            String r = brick.exec(layout.prologue() + "rm -rf .incoming\n" + FREE_KB).out;
            return freeBytes(r.split("\n"), 0);
        } catch (IOException e) {
            return -1;
        }
    }

    private String diskFull(long needed, long free) {
        return "the brick's disk is full: this deploy needs " + Progress.human(needed) + " in " + layout.dir()
                + " but only " + Progress.human(free) + " is free. Nothing on the brick was replaced; the running files"
                + " are unchanged. Free some space on the brick (old logs, " + Layout.PREV + ") and run deploy again.";
    }

    /** Says exactly which files the failed install step replaced, and which it did not. */
    private static String installFailed(Brick.Result r, List<Item> send) {
        java.util.Set<Integer> done = new java.util.TreeSet<>();
        for (String l : r.out.split("\n")) {
            if (l.startsWith("installed=")) done.add(Integer.parseInt(l.substring(10).trim()));
        }
        List<String> replaced = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < send.size(); i++) (done.contains(i) ? replaced : kept).add(send.get(i).name);
        String why = "installing the files failed on the brick (exit " + r.exit + ")"
                + (r.err.isBlank() ? "" : ": " + r.err.strip());
        if (replaced.isEmpty()) {
            return why + ". Nothing on the brick was replaced; the running files are unchanged. Run deploy again to retry.";
        }
        return why + ". Already replaced: " + String.join(", ", replaced) + "; not replaced: " + String.join(", ", kept)
                + ". The brick now has a mix of old and new files: run deploy again to finish"
                + (replaced.contains(Layout.JAR) ? ", or rollback to put " + Layout.PREV + " back." : ".");
    }

    /** Puts {@code agent.jar.prev} back as the jar; the replaced jar becomes the new {@code .prev}. */
    public void rollback() throws IOException {
        String j = Layout.JAR;
        String p = Layout.PREV;
        String script = "set -e\ncd " + Shell.quote(layout.dir()) + "\n"
                + "[ -f " + p + " ] || { echo 'no " + p + " on the brick: nothing to roll back to' >&2; exit 4; }\n"
                + "cp -p " + p + " " + j + ".part\n"
                + "if [ -f " + j + " ]; then ln -f " + j + " " + j + ".undo 2>/dev/null || cp -p " + j + " " + j + ".undo; fi\n"
                + "mv -f " + j + ".part " + j + "\n"
                + "if [ -f " + j + ".undo ]; then mv -f " + j + ".undo " + p + "; fi\n"
                + "rm -f " + Layout.CDS_ARCHIVE + "\nsync\n";
        brick.exec(script).orThrow("rollback");
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return sha256(in);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream d = new DigestInputStream(in, md)) {
                d.transferTo(OutputStreamSink.INSTANCE);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();
        @Override public void write(int b) { }
        @Override public void write(byte[] b, int off, int len) { }
    }
}
