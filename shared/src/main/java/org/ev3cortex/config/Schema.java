package org.ev3cortex.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The set of every declared key, plus the rules that tie keys together (e.g. a recover voltage
 * above the cut-off voltage). The loader validates files against it; the docs are generated
 * from it.
 */
public final class Schema {

    /**
     * A rule over several keys; its error is reported at the {@code blame} key's file:line.
     *
     * <p>The agent's rules are {@link #ordered} (one named class for every "this key above that
     * one") or anonymous subclasses, not lambdas: the first lambda a JVM meets loads ~90 classes
     * of invokedynamic machinery, which the brick pays before its first tick. Desktop code may
     * use {@link #of}.
     */
    public abstract static class Rule {
        final Key<?> blame;
        private Key<?>[] alternatives = new Key<?>[0];

        protected Rule(Key<?> blame) {
            this.blame = blame;
        }

        /**
         * Keys to blame instead when {@code blame} is at its default: the error then names the
         * line a user wrote (e.g. the world file's obstacles), not "default".
         */
        public Rule orBlame(Key<?>... keys) {
            this.alternatives = keys.clone();
            return this;
        }

        /** The key whose origin the error names. */
        Key<?> blameIn(Config c) {
            if (c.origin(blame).layer() != Origin.Layer.DEFAULT) return blame;
            for (Key<?> k : alternatives) {
                if (c.origin(k).layer() != Origin.Layer.DEFAULT) return k;
            }
            return blame;
        }

        /** Null when the config is fine, else what is wrong and what is expected. */
        public abstract String check(Config c);

        /**
         * {@code key} must be above ({@code order} 1), at least (0, with {@code strict} false) or
         * below (-1) {@code other}; the error reads {@code "<phrase> <other> (<value><unit>)<why>"}.
         * One named class for every such pair, so the brick loads one class for all of them.
         */
        public static Rule ordered(Key<? extends Number> key, int order, boolean strict, Key<? extends Number> other,
                                   String phrase, String unit, String why) {
            return new Ordered(key, order, strict, other, phrase, unit, why);
        }

        /** A rule from a function, for code off the brick's start-up path. */
        public static Rule of(Key<?> blame, Function<Config, String> check) {
            return new Rule(blame) {
                @Override
                public String check(Config c) {
                    return check.apply(c);
                }
            };
        }
    }

    /** Two keys in order: see {@link Rule#ordered}. */
    private static final class Ordered extends Rule {
        private final Key<? extends Number> key;
        private final int order;
        private final boolean strict;
        private final Key<? extends Number> other;
        private final String phrase;
        private final String unit;
        private final String why;

        Ordered(Key<? extends Number> key, int order, boolean strict, Key<? extends Number> other, String phrase, String unit,
                String why) {
            super(key);
            this.key = key;
            this.order = order;
            this.strict = strict;
            this.other = other;
            this.phrase = phrase;
            this.unit = unit;
            this.why = why;
        }

        @Override
        public String check(Config c) {
            int cmp = Double.compare(c.get(key).doubleValue(), c.get(other).doubleValue()) * order;
            return cmp > 0 || (!strict && cmp == 0) ? null : phrase + " " + other.name() + " (" + c.get(other) + unit + ")" + why;
        }
    }

    private final Map<String, Key<?>> keys;
    private final List<Rule> rules;
    private final Set<String> sections;

    public Schema(List<Key<?>> keys, List<Rule> rules) {
        Map<String, Key<?>> m = new LinkedHashMap<>();
        Set<String> s = new LinkedHashSet<>();
        for (Key<?> k : keys) {
            if (m.put(k.name(), k) != null) {
                throw new IllegalArgumentException("key declared twice: " + k.name());
            }
            s.add(k.section());
        }
        this.keys = Collections.unmodifiableMap(m);
        this.rules = List.copyOf(rules);
        this.sections = Collections.unmodifiableSet(s);
    }

    /**
     * This schema plus more keys, e.g. the simulator's {@code sim.*} keys, which the brick must
     * reject as unknown but the simulator accepts.
     */
    public Schema extend(List<Key<?>> moreKeys, List<Rule> moreRules) {
        List<Key<?>> k = new ArrayList<>(keys.values());
        k.addAll(moreKeys);
        List<Rule> r = new ArrayList<>(rules);
        r.addAll(moreRules);
        return new Schema(k, r);
    }

    public Key<?> key(String name) {
        return keys.get(name);
    }

    public List<Key<?>> keys() {
        return new ArrayList<>(keys.values());
    }

    List<Rule> rules() {
        return rules;
    }

    /** First dotted segments of all keys, e.g. {@code agent}, {@code safety}. */
    public Set<String> sections() {
        return sections;
    }

    /**
     * The known key closest to an unknown one, or null when nothing is close enough to be a
     * plausible typo. Case-insensitive edit distance, so {@code agent.periodms} finds
     * {@code agent.periodMs}; a same-suffix match catches a wrong section.
     */
    public String nearest(String unknown) {
        String u = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : keys.keySet()) {
            int d = editDistance(u, k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        int limit = Math.max(2, unknown.length() / 4);
        if (best != null && bestD <= limit) {
            return best;
        }
        String tail = u.substring(u.lastIndexOf('.') + 1);
        for (String k : keys.keySet()) {
            if (k.toLowerCase(Locale.ROOT).endsWith("." + tail)) {
                return k;
            }
        }
        return null;
    }

    /** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
