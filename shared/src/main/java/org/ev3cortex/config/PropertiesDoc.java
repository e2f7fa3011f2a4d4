package org.ev3cortex.config;

/**
 * Generates {@code docs/properties.md} from the declarations, so the docs cannot drift from the
 * code: a test fails when the committed file differs from what this renders.
 *
 * <p>Regenerate with {@code mvn -q -pl sim -am test -Dtest=PropertiesDocTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dev3cortex.writeDocs=true} (the simulator's schema is the superset of all keys).
 */
public final class PropertiesDoc {
    private PropertiesDoc() {}

    public static String render(Schema schema) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Properties\n\n")
          .append("<!-- Generated from the key declarations by org.ev3cortex.config.PropertiesDoc. Do not edit by hand. -->\n\n")
          .append("Every key ev3cortex understands. Values are layered: these defaults < each `--config FILE`, in order\n")
          .append("< `-Dkey=value` (JVM system properties) and `--set key=value`. `--print-config` shows every effective\n")
          .append("value and the layer it came from. Unknown keys and bad values are errors naming the file and line.\n\n")
          .append("Keys marked **restart** cannot change while the agent runs: a hot reload that changes one is refused\n")
          .append("and reported as needing a restart. All other keys are applied between two ticks.\n");
        String section = null;
        for (Key<?> k : schema.keys()) {
            if (!k.section().equals(section)) {
                section = k.section();
                sb.append("\n## ").append(section).append("\n\n")
                  .append("| key | type | default | unit | allowed | restart | description |\n")
                  .append("|---|---|---|---|---|---|---|\n");
            }
            sb.append("| `").append(k.name()).append("` | ")
              .append(k.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | `")
              .append(k.format(k.defaultValue())).append("` | ")
              .append(k.unit()).append(" | ")
              .append(escape(k.allowedText())).append(" | ")
              .append(k.restartOnly() ? "restart" : "").append(" | ")
              .append(escape(k.doc())).append(" |\n");
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
