package org.ev3cortex.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Builds a {@link Config} from three layers: declared defaults &lt; properties files (in the
 * order given) &lt; overrides ({@code -Dkey=value} or {@code --set key=value}).
 *
 * <p>Files are read strictly as UTF-8. Each logical line is unescaped by
 * {@link java.util.Properties} itself, so the syntax is exactly the JDK's, while this class keeps
 * the line numbers that {@code Properties} throws away, and catches what it silently accepts:
 * duplicate keys, unknown keys and bytes that are not UTF-8. Every problem in every layer is
 * collected, and the load fails with all of them at once.
 */
public final class ConfigLoader {

    /** One {@code key = value} line, before validation. */
    static final class Entry {
        final String key;
        final String value;
        final Origin origin;
        final String encodingProblem;

        Entry(String key, String value, Origin origin, String encodingProblem) {
            this.key = key;
            this.value = value;
            this.origin = origin;
            this.encodingProblem = encodingProblem;
        }
    }

    private final Schema schema;

    public ConfigLoader(Schema schema) {
        this.schema = schema;
    }

    public Schema schema() {
        return schema;
    }

    /**
     * Loads and validates.
     *
     * @param files     properties files, later ones overriding earlier ones
     * @param overrides overrides, highest precedence, later ones winning
     * @throws ConfigException with every problem found, in file order
     */
    public Config load(List<Path> files, List<ConfigOverride> overrides) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        for (Key<?> k : schema.keys()) {
            values.put(k.name(), k.defaultValue());
            origins.put(k.name(), Origin.DEFAULT);
        }
        for (Path file : files) {
            for (Entry e : readFile(file, errors)) {
                apply(e, values, origins, errors);
            }
        }
        for (ConfigOverride o : overrides) {
            apply(new Entry(o.key(), o.value(), Origin.override(o.label()), null), values, origins, errors);
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Config config = new Config(schema, values, origins, files);
        errors.addAll(config.checkRules());
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }

    public Config load(List<Path> files) throws ConfigException {
        return load(files, List.of());
    }

    /**
     * The system properties that belong to us: those in one of the schema's sections (e.g.
     * {@code agent.*}). A misspelt {@code -Dagent.periodMS} is then reported, not ignored, while
     * the JVM's own {@code java.*} properties are left alone.
     */
    public List<ConfigOverride> systemOverrides(Properties system) {
        List<ConfigOverride> out = new ArrayList<>();
        for (String name : new TreeSet<>(system.stringPropertyNames())) {
            int dot = name.indexOf('.');
            if (dot > 0 && schema.sections().contains(name.substring(0, dot))) {
                out.add(new ConfigOverride(name, system.getProperty(name), "-D"));
            }
        }
        return out;
    }

    private void apply(Entry e, Map<String, Object> values, Map<String, Origin> origins, List<ConfigError> errors) {
        Key<?> key = schema.key(e.key);
        if (key == null) {
            String near = schema.nearest(e.key);
            errors.add(new ConfigError(e.origin, visible(e.key),
                    "unknown key" + (near == null ? "" : " (did you mean " + near + "?)")));
            return;
        }
        if (e.encodingProblem != null) {
            errors.add(new ConfigError(e.origin, e.key, e.encodingProblem + "; expected " + key.expected()));
            return;
        }
        String control = controlCharacter(e.value);
        if (control != null) {
            errors.add(new ConfigError(e.origin, e.key, "the value holds a control character (" + control
                    + "); expected " + key.expected()));
            return;
        }
        try {
            values.put(key.name(), key.parse(e.value));
            origins.put(key.name(), e.origin);
        } catch (BadValueException bad) {
            errors.add(new ConfigError(e.origin, e.key, bad.getMessage()));
        }
    }

    /** Reads one file into entries; file-level and syntax problems go to {@code errors}. */
    static List<Entry> readFile(Path file, List<ConfigError> errors) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                errors.add(new ConfigError(Origin.file(file, 0), null, "is a directory, not a properties file"));
                return List.of();
            }
            bytes = BoundedRead.read(file, BoundedRead.CONFIG_LIMIT);
        } catch (BoundedRead.TooLargeException e) {
            errors.add(new ConfigError(Origin.file(file, 0), null, e.getMessage()));
            return List.of();
        } catch (NoSuchFileException e) {
            errors.add(new ConfigError(Origin.file(file, 0), null, "file not found (absolute path: "
                    + file.toAbsolutePath() + ")"));
            return List.of();
        } catch (AccessDeniedException e) {
            errors.add(new ConfigError(Origin.file(file, 0), null, "cannot read the file: permission denied"));
            return List.of();
        } catch (IOException e) {
            errors.add(new ConfigError(Origin.file(file, 0), null, "cannot read the file: " + e.getMessage()));
            return List.of();
        }
        Map<Integer, String> badLines = new HashMap<>();
        String text = decodeUtf8(bytes, badLines);
        // A UTF-8 byte order mark (Windows editors write one) is not part of the first key.
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> physical = lines(text);

        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int i = 0;
        while (i < physical.size()) {
            String line = physical.get(i);
            String stripped = line.stripLeading();
            if (stripped.isEmpty() || stripped.charAt(0) == '#' || stripped.charAt(0) == '!') {
                String problem = badLines.get(i + 1);
                if (problem != null) errors.add(new ConfigError(Origin.file(file, i + 1), null, problem + " (in a comment)"));
                i++;
                continue;
            }
            int first = i;
            StringBuilder logical = new StringBuilder(line);
            String problem = badLines.get(first + 1);
            while (endsWithContinuation(physical.get(i)) && i + 1 < physical.size()) {
                i++;
                logical.append('\n').append(physical.get(i));
                if (problem == null) problem = badLines.get(i + 1);
            }
            i++;
            Properties p = new Properties();
            try {
                p.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                errors.add(new ConfigError(Origin.file(file, first + 1), null, "cannot parse the line: " + e.getMessage()));
                continue;
            }
            for (String key : p.stringPropertyNames()) {
                Origin origin = Origin.file(file, first + 1);
                if (key.isEmpty()) {
                    errors.add(new ConfigError(origin, "(empty)", "a line with a value but no key"));
                    continue;
                }
                Integer previous = seen.put(key, first + 1);
                if (previous != null) {
                    errors.add(new ConfigError(origin, key, "duplicate key; already set at line " + previous
                            + " of the same file"));
                    continue;
                }
                entries.add(new Entry(key, p.getProperty(key), origin, problem));
            }
        }
        return entries;
    }

    /** A key as text a user can see: invisible and control characters as \\uXXXX. */
    static String visible(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == '\uFEFF' || (c >= 0x200B && c <= 0x200F)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The first control character (C0, DEL, C1) in a value as U+XXXX, or null. */
    static String controlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return String.format("U+%04X at position %d", (int) c, i + 1);
        }
        return null;
    }

    /** Splits at \n, \r\n or \r, as Properties does (by hand: no regex before the first tick). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static boolean endsWithContinuation(String line) {
        int n = 0;
        for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) n++;
        return n % 2 == 1;
    }

    /**
     * Decodes strictly: each malformed byte becomes U+FFFD and its 1-based line is recorded with
     * a description, so the error can name the key on that line rather than just the file.
     */
    static String decodeUtf8(byte[] bytes, Map<Integer, String> badLines) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) {
                dec.flush(out);
                break;
            }
            if (r.isError()) {
                int pos = in.position();
                int line = 1;
                int lineStart = 0;
                for (int j = 0; j < pos; j++) {
                    if (bytes[j] == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                badLines.putIfAbsent(line, String.format("bytes that are not UTF-8 (0x%02X at column %d); save the file as UTF-8",
                        bytes[pos] & 0xFF, pos - lineStart + 1));
                out.put('\uFFFD');
                in.position(pos + r.length());
            } else {
                throw new IllegalStateException(r.toString());
            }
        }
        out.flip();
        return out.toString();
    }
}
