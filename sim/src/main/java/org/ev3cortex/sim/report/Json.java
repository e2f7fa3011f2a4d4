package org.ev3cortex.sim.report;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes the few flat JSON documents we produce (summary.json). Small and exact: numbers that are
 * not finite become null, as JSON has no NaN.
 */
public final class Json {
    private Json() {}

    public static String write(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder();
        value(sb, map, 0);
        return sb.append('\n').toString();
    }

    private static void value(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                pad(sb, indent + 2);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                value(sb, e.getValue(), indent + 2);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof Iterable) {
            // Objects in a list go one per line, so a list of switches reads like a table.
            boolean objects = false;
            for (Object o : (Iterable<?>) v) objects |= o instanceof Map && !((Map<?, ?>) o).isEmpty();
            sb.append('[');
            boolean first = true;
            for (Object o : (Iterable<?>) v) {
                if (!first) sb.append(",");
                if (objects) {
                    sb.append('\n');
                    pad(sb, indent + 2);
                    if (o instanceof Map && flat((Map<?, ?>) o)) inline(sb, (Map<?, ?>) o); else value(sb, o, indent + 2);
                } else {
                    if (!first) sb.append(' ');
                    value(sb, o, indent);
                }
                first = false;
            }
            if (objects) {
                sb.append('\n');
                pad(sb, indent);
            }
            sb.append(']');
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            string(sb, v.toString());
        }
    }

    private static boolean flat(Map<?, ?> m) {
        for (Object o : m.values()) if (o instanceof Map || o instanceof Iterable) return false;
        return true;
    }

    /** A map of scalars on one line. */
    private static void inline(StringBuilder sb, Map<?, ?> m) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) sb.append(", ");
            string(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            value(sb, e.getValue(), 0);
            first = false;
        }
        sb.append('}');
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
            }
        }
        sb.append('"');
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) sb.append(' ');
    }
}
