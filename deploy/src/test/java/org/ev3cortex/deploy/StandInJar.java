package org.ev3cortex.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a self-contained stand-in brick jar from the test class path: the shared module and its
 * numerical libraries, slf4j,
 * logback and {@code StandInMain}. One real jar (no directories on its class path), so AppCDS can
 * archive it just as it would the brick jar.
 */
final class StandInJar {
    private StandInJar() {}

    private static final String LOGBACK = "<configuration>\n"
            + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
            + "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder>\n"
            + "  </appender>\n"
            + "  <root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>\n"
            + "</configuration>\n";

    /** Builds the jar; {@code paddingBytes} of incompressible data make a bigger, distinct version. */
    static Path build(Path out, int paddingBytes, long seed) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.ev3cortex.deploy.standin.StandInMain");
        Set<String> seen = new HashSet<>();
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), mf)) {
            seen.add("META-INF/MANIFEST.MF");
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Paths.get(entry);
                String s = p.toString().replace('\\', '/');
                if (s.endsWith("deploy/target/test-classes")) {
                    copyTree(p, "org/ev3cortex/deploy/standin/", jar, seen);
                } else if (s.contains("ev3cortex-shared") || s.endsWith("shared/target/classes")) {
                    if (Files.isDirectory(p)) copyTree(p, "", jar, seen);
                    else copyJar(p, jar, seen);
                } else if (s.contains("slf4j-api") || s.contains("logback-classic") || s.contains("logback-core")
                        // the agent's own numerical libraries: JTransforms (A1) and EJML (the sheet)
                        || s.contains("JTransforms") || s.contains("JLargeArrays") || s.contains("commons-math3")
                        || s.contains("ejml-")) {
                    copyJar(p, jar, seen);
                }
            }
            put(jar, "logback.xml", LOGBACK.getBytes(StandardCharsets.UTF_8));
            if (paddingBytes > 0) {
                byte[] pad = new byte[paddingBytes];
                new Random(seed).nextBytes(pad);
                JarEntry e = new JarEntry("padding.bin");
                e.setMethod(JarEntry.STORED);
                e.setSize(pad.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(pad);
                e.setCrc(crc.getValue());
                jar.putNextEntry(e);
                jar.write(pad);
                jar.closeEntry();
            }
        }
        if (!seen.contains("org/ev3cortex/agent/Agent.class") || !seen.contains("org/ev3cortex/deploy/standin/StandInMain.class")) {
            throw new IOException("the test class path lacks the agent or the stand-in: " + System.getProperty("java.class.path"));
        }
        return out;
    }

    private static void copyTree(Path root, String prefix, JarOutputStream jar, Set<String> seen) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(f)) continue;
                String name = root.relativize(f).toString().replace('\\', '/');
                if (!name.startsWith(prefix) || name.startsWith("logback")) continue;
                if (seen.add(name)) put(jar, name, Files.readAllBytes(f));
            }
        }
    }

    private static void copyJar(Path p, JarOutputStream jar, Set<String> seen) throws IOException {
        try (JarFile in = new JarFile(p.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) in.stream()::iterator) {
                String n = e.getName();
                if (e.isDirectory() || n.startsWith("META-INF/") && !n.startsWith("META-INF/services/")) continue;
                if (n.endsWith("module-info.class")) continue;
                if (!seen.add(n)) continue;
                try (InputStream is = in.getInputStream(e)) {
                    put(jar, n, is.readAllBytes());
                }
            }
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] data) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(data);
        jar.closeEntry();
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
