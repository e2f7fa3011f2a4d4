package org.ev3cortex.deploy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server in the test JVM standing in for the brick (Apache MINA SSHD): public-key
 * auth only, SFTP on the real file system, and exec of every command by the real {@code /bin/sh}.
 * It counts what clients ask of it, and can cut a connection in the middle of an upload.
 */
final class EmbeddedBrick implements AutoCloseable {
    final SshServer server;
    final Path home;
    final Path userKey;
    /** Shell text run before every command, e.g. a PATH with stand-in tools ({@code df} of a full disk). */
    volatile String shellPrefix = "";
    final PublicKey hostKey;
    final AtomicInteger execs = new AtomicInteger();
    final AtomicInteger sftpSessions = new AtomicInteger();
    final AtomicInteger fileOpens = new AtomicInteger();
    /** Bytes written over SFTP since the last {@link #cutAfter}; the session is dropped past the limit. */
    final AtomicLong written = new AtomicLong();
    private volatile long cutAfterBytes = Long.MAX_VALUE;

    EmbeddedBrick(Path dir) throws Exception {
        home = Files.createDirectories(dir.resolve("brick home"));
        Path keys = Files.createDirectories(dir.resolve("keys"));
        // The laptop's key, made with JSch as a user's ssh-keygen would.
        JSch jsch = new JSch();
        KeyPair kp = KeyPair.genKeyPair(jsch, KeyPair.ECDSA, 256);
        userKey = keys.resolve("id_ecdsa");
        kp.writePrivateKey(userKey.toString());
        ByteArrayOutputStream pub = new ByteArrayOutputStream();
        kp.writePublicKey(pub, "laptop");
        PublicKey allowed = AuthorizedKeyEntry.parseAuthorizedKeyEntry(pub.toString(StandardCharsets.US_ASCII).trim())
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);

        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(keys.resolve("host.ser"));
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
        server.setKeyPairProvider(hostKeys);
        hostKey = hostKeys.loadKeys(null).iterator().next().getPublic();
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(allowed, key));
        server.setCommandFactory((channel, command) -> {
            execs.incrementAndGet();
            // The first argument is what MINA hands to "/bin/sh -c"; the list is only its display form.
            String run = shellPrefix + command;
            return new ProcessShellFactory(run, "/bin/sh", "-c", run).createShell(channel);
        });
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void initialized(ServerSession session, int version) {
                sftpSessions.incrementAndGet();
            }

            @Override
            public void open(ServerSession session, String remoteHandle, Handle localHandle) {
                if (localHandle instanceof FileHandle) fileOpens.incrementAndGet();
            }

            @Override
            public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                                byte[] data, int dataOffset, int dataLen, Throwable thrown) {
                if (written.addAndGet(dataLen) > cutAfterBytes) {
                    cutAfterBytes = Long.MAX_VALUE;
                    session.close(true); // the link drops: no SFTP error, just a dead connection
                }
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        // Local port forwards (direct-tcpip), as OpenSSH on the brick allows them: deploy view.
        server.setForwardingFilter(org.apache.sshd.server.forward.AcceptAllForwardingFilter.INSTANCE);
        server.start();
    }

    int port() {
        return server.getPort();
    }

    /** Drops the connection once this many more bytes have been written over SFTP. */
    void cutAfter(long bytes) {
        written.set(0);
        cutAfterBytes = bytes;
    }

    /** The known_hosts line for this server, as OpenSSH writes it for a non-22 port. */
    String knownHostsLine() throws IOException {
        return "[127.0.0.1]:" + port() + " " + KeyUtils.getKeyType(hostKey) + " " + Base64.getEncoder().encodeToString(blob(hostKey));
    }

    static byte[] blob(PublicKey key) {
        ByteArrayBuffer b = new ByteArrayBuffer();
        b.putRawPublicKey(key);
        return b.getCompactData();
    }

    /** A target for this server, with a known_hosts file that already trusts it. */
    Target target(Path knownHosts, String remoteDir) throws IOException {
        if (!Files.exists(knownHosts)) Files.writeString(knownHosts, knownHostsLine() + "\n");
        Target t = new Target();
        t.host = "127.0.0.1";
        t.port = port();
        t.user = System.getProperty("user.name");
        t.identityFile = userKey;
        t.knownHostsFile = knownHosts;
        t.remoteDir = remoteDir;
        t.java = ProcessHandle.current().info().command().orElse("java");
        t.jvmFlags = "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
        return t;
    }

    int roundTrips() {
        return execs.get() + sftpSessions.get() + fileOpens.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
