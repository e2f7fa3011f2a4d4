package org.ev3cortex.sim.record;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigException;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.seam.LoopState;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.status.StatusKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code replay FILE.mcap}: the same agent on the recorded senses, with the recorded config (and
 * its recorded changes, at their ticks), checking each tick's issued commands against the
 * recording. Exit 0 when every tick matches, 1 at the first tick that departs (named, with the
 * command), 2 for a file it cannot use. {@code --set k=v} replays with a changed config on purpose.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a recording (--record) through the agent and check every tick's commands against it.")
public final class ReplayCommand implements Callable<Integer> {
    static final int EXIT_DEPARTS = 1;
    static final int EXIT_BAD_INPUT = 2;
    private static final String[] MODES = {"none", "run-forever", "run-to-rel-pos", "run-timed", "stop"};

    @Parameters(index = "0", paramLabel = "FILE.mcap", description = "A finished recording made with every stream on every tick.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Replay with this key changed (\"what would the robot have done with...\"); repeatable.")
    List<String> sets = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return replay(out, err);
        } catch (BadRecordingException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int replay(PrintWriter out, PrintWriter err) throws BadRecordingException {
        List<ConfigOverride> user = new ArrayList<>();
        for (String s : sets) {
            try {
                user.add(ConfigOverride.parse(s, "--set"));
            } catch (IllegalArgumentException e) {
                throw new BadRecordingException(e.getMessage());
            }
        }
        McapReader.Recording rec = McapReader.read(file);
        Senses senses;
        Config config;
        TreeMap<Long, Config> changes = new TreeMap<>();
        try {
            senses = new Senses(rec);
            List<McapReader.Message> configs = rec.topic("/config");
            if (configs.isEmpty()) throw new BadRecordingException(file + ": holds no /config message");
            config = null;
            for (McapReader.Message m : configs) {
                Map<String, Object> j = m.json();
                if (!Boolean.TRUE.equals(j.get("config_changed"))) continue;
                Config c = load(JsonIn.object(j.get("values")), user);
                long tick = Senses.lng(j.get("tick"));
                if (config == null) config = c;
                else changes.put(tick, c);
            }
            if (config == null) throw new BadRecordingException(file + ": holds no config values");
        } catch (RuntimeException e) {
            throw new BadRecordingException(file + ": corrupt message (" + e.getMessage() + ")");
        }

        ReplayBody body = new ReplayBody(senses, "replay of " + file.getFileName() + " ("
                + rec.meta.getOrDefault("body", "?") + ")");
        String[] departure = new String[1];
        try (Agent agent = new Agent(body, config, List.of())) {
            agent.loop().addObserver(new TickObserver() {
                @Override
                public void afterTick(long tick, Snapshot snapshot, MotorCommands c) {
                    int t = body.tick();
                    for (int i = 0; i < c.count(); i++) {
                        if (c.issuedMode(i) != senses.mode[t][i] || c.issuedSpeed(i) != senses.issuedSpeed[t][i]
                                || c.issuedTick(i) != senses.issuedTick[t][i]) {
                            departure[0] = String.format(java.util.Locale.ROOT,
                                    "replay departs at tick %d (%.1f s): motor %d (%s) recorded %s, replayed %s", t,
                                    (senses.nanos[t] - senses.nanos[0]) / 1e9, i, senses.motorPorts[i],
                                    command(senses.mode[t][i], senses.issuedSpeed[t][i], senses.issuedTick[t][i]),
                                    command(c.issuedMode(i), c.issuedSpeed(i), c.issuedTick(i)));
                            agent.loop().requestStop();
                            return;
                        }
                    }
                    Config next = changes.get((long) t + 1);
                    if (next != null) agent.loop().submitConfig(next);
                    if (!body.next()) agent.loop().requestStop();
                }
            });
            LoopState end = agent.loop().runTicks(senses.ticks);
            if (end == LoopState.FAULTED) {
                err.println("replay faulted at tick " + body.tick() + ": " + agent.loop().failure());
                return EXIT_DEPARTS;
            }
        }
        if (departure[0] != null) {
            out.println(departure[0]);
            return EXIT_DEPARTS;
        }
        out.printf("replayed %d ticks of %s: every tick's commands match the recording%s%n", senses.ticks, file,
                sets.isEmpty() ? "" : " (with " + String.join(", ", sets) + ")");
        return 0;
    }

    private static String command(int mode, int speed, long tick) {
        String m = mode >= 0 && mode < MODES.length ? MODES[mode] : "mode " + mode;
        return m + " at " + speed + " counts/s issued at tick " + tick;
    }

    /** The recorded values, then the user's changes; a key this build does not know is an error. */
    private Config load(Map<String, Object> values, List<ConfigOverride> user) throws BadRecordingException {
        List<ConfigOverride> o = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            o.add(new ConfigOverride(e.getKey(), String.valueOf(e.getValue()), "recording"));
        }
        o.add(new ConfigOverride(StatusKeys.FILE.name(), "", "replay")); // never the brick's status file
        o.add(new ConfigOverride(org.ev3cortex.status.StatusKeys.RECORD_FILE.name(), "", "replay")); // nor its recording
        o.addAll(user);
        try {
            return new ConfigLoader(SimKeys.schema()).load(List.of(), o);
        } catch (ConfigException e) {
            throw new BadRecordingException(file + ": the config does not load in this build (a recording from an"
                    + " incompatible version, or a bad --set): " + e.getMessage().replace(System.lineSeparator(), "; "));
        }
    }
}
