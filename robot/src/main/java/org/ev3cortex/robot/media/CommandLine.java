package org.ev3cortex.robot.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command line from a property: split on blanks, single or double quotes group words (no other
 * shell syntax; use {@code sh -c '...'} for pipes), and {@code {name}} placeholders filled in.
 */
public final class CommandLine {
    private CommandLine() {}

    public static List<String> parse(String line, Map<String, String> values) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(fill(w.toString(), values));
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed " + quote + " in command: " + line);
        if (inWord) words.add(fill(w.toString(), values));
        if (words.isEmpty()) throw new IllegalArgumentException("empty command");
        return words;
    }

    private static String fill(String word, Map<String, String> values) {
        String s = word;
        for (Map.Entry<String, String> e : values.entrySet()) s = s.replace("{" + e.getKey() + "}", e.getValue());
        return s;
    }
}
