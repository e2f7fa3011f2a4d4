package org.ev3cortex.deploy;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Host-key verification against an OpenSSH known_hosts file, with trust on first use only when
 * asked for. Wraps JSch's own known_hosts parser (hashed entries, {@code [host]:port}) and records
 * what the server presented, so a refusal can name the fingerprint and the fix.
 */
final class HostKeys implements HostKeyRepository {
    private final HostKeyRepository known;
    private final Path file;
    private final boolean acceptNew;

    String presentedHost;
    byte[] presentedKey;
    int result = -1;
    boolean recorded;

    HostKeys(HostKeyRepository known, Path file, boolean acceptNew) {
        this.known = known;
        this.file = file;
        this.acceptNew = acceptNew;
    }

    @Override
    public int check(String host, byte[] key) {
        presentedHost = host;
        presentedKey = key.clone();
        result = known.check(host, key);
        if (result == NOT_INCLUDED && acceptNew) {
            try {
                record(host, key);
                recorded = true;
                return OK;
            } catch (IOException e) {
                throw new IllegalStateException("cannot record the host key in " + file + ": " + e, e);
            }
        }
        return result;
    }

    private static int lastByte(java.nio.file.Path f) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, ch.size() - 1);
            return b.get(0);
        }
    }

    private void record(String host, byte[] key) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        String line = host + " " + keyType(key) + " " + Base64.getEncoder().encodeToString(key) + "\n";
        boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && lastByte(file) != '\n';
        Files.write(file, ((needsNewline ? "\n" : "") + line).getBytes(StandardCharsets.US_ASCII),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The algorithm name that opens an SSH public key blob (e.g. {@code ssh-ed25519}). */
    static String keyType(byte[] blob) {
        int len = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }

    /** OpenSSH's fingerprint format: {@code SHA256:} and unpadded base64 of the blob's SHA-256. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message for an unknown host: fingerprint and how to accept it. */
    String unknownMessage() {
        return "The brick " + presentedHost + " is not in " + file + ", so its identity cannot be checked.\n"
                + "It presented the " + keyType(presentedKey) + " key " + fingerprint(presentedKey) + ".\n"
                + "Compare that with the brick's own key (on the brick: ssh-keygen -lf /etc/ssh/ssh_host_"
                + shortType(presentedKey) + "_key.pub),\n"
                + "then run the command again with --accept-new-host-key to record it (trust on first use).";
    }

    /** The loud message for a changed key. */
    String changedMessage() {
        return "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                + "@    WARNING: THE BRICK'S HOST KEY HAS CHANGED. REFUSED.  @\n"
                + "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                + "The key " + presentedHost + " presented (" + keyType(presentedKey) + " " + fingerprint(presentedKey)
                + ")\ndoes not match the one recorded in " + file + ".\n"
                + "Someone may be intercepting the connection, or the brick was re-flashed (a new SD card image\n"
                + "makes new host keys). Nothing was sent. If you know why it changed, remove the old entry with\n"
                + "  ssh-keygen -R '" + presentedHost + "' -f '" + file + "'\n"
                + "and connect once with --accept-new-host-key.";
    }

    private static String shortType(byte[] blob) {
        String t = keyType(blob);
        if (t.equals("ssh-ed25519")) return "ed25519";
        if (t.startsWith("ecdsa")) return "ecdsa";
        return "rsa";
    }

    @Override public void add(HostKey hostkey, UserInfo ui) { known.add(hostkey, ui); }
    @Override public void remove(String host, String type) { known.remove(host, type); }
    @Override public void remove(String host, String type, byte[] key) { known.remove(host, type, key); }
    @Override public String getKnownHostsRepositoryID() { return known.getKnownHostsRepositoryID(); }
    @Override public HostKey[] getHostKey() { return known.getHostKey(); }
    @Override public HostKey[] getHostKey(String host, String type) { return known.getHostKey(host, type); }
}
