package org.ev3cortex.deploy;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import com.jcraft.jsch.SftpProgressMonitor;
import com.jcraft.jsch.UserInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One SSH session to the brick (JSch): remote {@code sh} commands and SFTP uploads. It counts
 * round trips (one per command, one per SFTP channel, one per file sent) so that the cost of a
 * deploy is visible and testable.
 */
public final class Brick implements AutoCloseable {
    private final Target target;
    private final Session session;
    private ChannelSftp sftp;
    private int roundTrips;

    /** Refused connection for a reason the user must act on (host key, authentication). */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The result of one remote command. */
    public static final class Result {
        public final int exit;
        public final String out;
        public final String err;

        Result(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        /** Throws with the remote error text unless the command exited 0. */
        public Result orThrow(String what) throws IOException {
            if (exit != 0) {
                throw new IOException(what + " failed on the brick (exit " + exit + ")"
                        + (err.isBlank() ? "" : ": " + err.strip()));
            }
            return this;
        }
    }

    private Brick(Target target, Session session) {
        this.target = target;
        this.session = session;
    }

    /**
     * Connects with host-key checking against the target's known_hosts file. Key authentication
     * is the default; a password is used only when {@code password} is true.
     */
    public static Brick connect(Target target, boolean acceptNewHostKey, boolean password) throws IOException {
        target.validate();
        JSch jsch = new JSch();
        List<String> keys = new ArrayList<>();
        char[] pw = null;
        try {
            if (Files.exists(target.knownHostsFile)) jsch.setKnownHosts(target.knownHostsFile.toString());
            HostKeys hostKeys = new HostKeys(jsch.getHostKeyRepository(), target.knownHostsFile, acceptNewHostKey);
            jsch.setHostKeyRepository(hostKeys);
            for (Path id : identities(target)) {
                jsch.addIdentity(id.toString());
                keys.add(id.toString());
            }
            Session s = jsch.getSession(target.user, target.host, target.port);
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("PreferredAuthentications", password ? "publickey,keyboard-interactive,password" : "publickey");
            if (password) {
                pw = Credentials.password(target.user + "@" + target.host);
                if (pw == null) {
                    throw new IOException("--password needs a terminal to prompt on, or the " + Credentials.PASSWORD_ENV
                            + " environment variable");
                }
                // As bytes (JSch's String form is deprecated): the UTF-8 JSch would encode it to.
                ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pw));
                byte[] bytes = new byte[utf8.remaining()];
                utf8.get(bytes);
                s.setPassword(bytes);
                Arrays.fill(bytes, (byte) 0);
            }
            s.setUserInfo(new Prompts(pw));
            s.setServerAliveInterval(5_000);
            s.setServerAliveCountMax(3);
            try {
                s.connect(15_000);
            } catch (JSchUnknownHostKeyException e) {
                throw new RefusedException(hostKeys.unknownMessage(), e);
            } catch (JSchChangedHostKeyException e) {
                throw new RefusedException(hostKeys.changedMessage(), e);
            } catch (JSchException e) {
                String m = String.valueOf(e.getMessage());
                if (m.contains("Auth fail") || m.contains("Auth cancel")) {
                    throw new RefusedException("authentication failed for " + target.user + "@" + target.host + ":"
                            + target.port + " with " + (keys.isEmpty() ? "no key file" : "the key(s) " + keys)
                            + (password ? " and the password" : "") + ". Install your public key on the brick"
                            + " (ssh-copy-id), or use --password once.", e);
                }
                throw new IOException("cannot connect to " + target.host + ":" + target.port + ": " + m, e);
            }
            if (hostKeys.recorded) {
                System.err.println("Recorded the host key of " + hostKeys.presentedHost + " ("
                        + HostKeys.keyType(hostKeys.presentedKey) + " " + HostKeys.fingerprint(hostKeys.presentedKey)
                        + ") in " + target.knownHostsFile + ".");
            }
            return new Brick(target, s);
        } catch (JSchException e) {
            throw new IOException("SSH setup failed: " + e.getMessage(), e);
        } finally {
            Credentials.wipe(pw);
        }
    }

    private static List<Path> identities(Target target) {
        List<Path> ids = new ArrayList<>();
        if (target.identityFile != null) {
            ids.add(target.identityFile);
            return ids;
        }
        Path ssh = Paths.get(System.getProperty("user.home"), ".ssh");
        for (String n : new String[] {"id_ed25519", "id_ecdsa", "id_rsa"}) {
            if (Files.isReadable(ssh.resolve(n))) ids.add(ssh.resolve(n));
        }
        return ids;
    }

    public Target target() {
        return target;
    }

    /** Round trips so far: remote commands, SFTP channels opened and files sent. */
    public int roundTrips() {
        return roundTrips;
    }

    /**
     * A new channel. JSch returns null instead of throwing when the session dies while the
     * channel opens (a link cut in the middle of an upload): that is a dropped connection.
     */
    private com.jcraft.jsch.Channel open(String type) throws JSchException, IOException {
        com.jcraft.jsch.Channel c = session.openChannel(type);
        if (c == null) throw new IOException("the connection to " + target.host + " dropped");
        return c;
    }

    /** Runs a {@code sh} script on the brick and collects its output. */
    public Result exec(String script) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = execStreaming(script, out, err);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a script, copying its output to the given streams as it comes; returns the exit code. */
    public int execStreaming(String script, OutputStream out, OutputStream err) throws IOException {
        roundTrips++;
        ChannelExec ch = null;
        try {
            ch = (ChannelExec) open("exec");
            ch.setCommand(script);
            ch.setInputStream(null);
            ch.setErrStream(err, true);
            InputStream in = ch.getInputStream();
            ch.connect(15_000);
            byte[] buf = new byte[8192];
            // Not read() until -1: some servers close the channel without an EOF first, and JSch's
            // pipe then never reports the end. Drain while open, then whatever is left.
            while (true) {
                int avail = in.available();
                if (avail > 0) {
                    int n = in.read(buf, 0, Math.min(buf.length, avail));
                    if (n < 0) break;
                    out.write(buf, 0, n);
                    out.flush();
                    continue;
                }
                if (ch.isClosed()) {
                    if (in.available() > 0) continue;
                    break;
                }
                Thread.sleep(2);
            }
            return ch.getExitStatus();
        } catch (JSchException e) {
            throw new IOException("remote command failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (ch != null) ch.disconnect();
        }
    }

    /**
     * Sends a local file to {@code remotePath} (a name the caller made safe: no glob characters).
     * The caller renames it into place once its checksum is verified.
     */
    /** The SFTP channel, opened on first use and kept for the session's transfers. */
    private ChannelSftp sftp() throws JSchException, IOException {
        if (sftp == null) {
            roundTrips++;
            sftp = (ChannelSftp) open("sftp");
            sftp.connect(15_000);
        }
        return sftp;
    }

    public void upload(InputStream in, String remotePath, SftpProgressMonitor progress) throws IOException {
        try {
            sftp();
            roundTrips++;
            sftp.put(in, remotePath, progress, ChannelSftp.OVERWRITE);
        } catch (JSchException | SftpException e) {
            throw new IOException("upload to " + remotePath + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Copies {@code remotePath} on the brick into {@code out} over SFTP (a recording, a log).
     * Returns the bytes copied.
     */
    public long download(String remotePath, OutputStream out) throws IOException {
        try {
            sftp();
            roundTrips++;
            long[] n = {0};
            sftp.get(remotePath, new OutputStream() {
                @Override public void write(int b) throws IOException {
                    out.write(b);
                    n[0]++;
                }

                @Override public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    n[0] += len;
                }
            });
            return n[0];
        } catch (JSchException | SftpException e) {
            throw new IOException("cannot fetch " + remotePath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Forwards {@code 127.0.0.1:localPort} on this machine (0: any free port) to
     * {@code 127.0.0.1:remotePort} on the brick, through this SSH session (nothing listens on the
     * brick's network). Returns the local port; the forward ends with the session.
     */
    public int forward(int localPort, int remotePort) throws IOException {
        try {
            return session.setPortForwardingL("127.0.0.1", localPort, "127.0.0.1", remotePort);
        } catch (JSchException e) {
            throw new IOException("cannot forward 127.0.0.1:" + localPort + " to the brick's port " + remotePort + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (sftp != null) sftp.disconnect();
        session.disconnect();
    }

    /** Answers JSch's questions: never yes to an unchecked key; passphrases from env or prompt. */
    private static final class Prompts implements UserInfo {
        private final char[] password;
        private String passphrase;

        Prompts(char[] password) {
            this.password = password;
        }

        @Override public String getPassphrase() { return passphrase; }
        @Override public String getPassword() { return password == null ? null : new String(password); }
        @Override public boolean promptPassword(String message) { return password != null; }

        @Override
        public boolean promptPassphrase(String message) {
            char[] p = Credentials.passphrase(message);
            if (p == null) return false;
            passphrase = new String(p);
            Credentials.wipe(p);
            return true;
        }

        @Override public boolean promptYesNo(String message) { return false; }
        @Override
        public void showMessage(String message) {
            // JSch's own host-key warning: ours (with the fix) follows as the exception's message.
            if (!message.contains("HOST IDENTIFICATION HAS CHANGED")) System.err.println(message);
        }
    }
}
