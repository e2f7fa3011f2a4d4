package org.ev3cortex.record;

/** The JSON schemas of the recorded channels (MCAP schema encoding {@code jsonschema}). */
final class Schemas {
    private Schemas() {}

    private static final String TIME = "\"timestamp\":{\"type\":\"object\",\"description\":\"log time\","
            + "\"properties\":{\"sec\":{\"type\":\"integer\",\"minimum\":0},\"nsec\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":999999999}}},"
            + "\"tick\":{\"type\":\"integer\",\"description\":\"the agent's tick\"}";

    private static String object(String title, String description, String properties) {
        return "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"" + title + "\","
                + "\"description\":\"" + description + "\",\"type\":\"object\",\"properties\":{" + TIME + ","
                + properties + "}}";
    }

    private static final String INTS = "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}";
    private static final String NUMS = "{\"type\":\"array\",\"items\":{\"type\":[\"number\",\"null\"]}";
    private static final String READING = "\"sequence\":{\"type\":\"integer\",\"description\":\"capture count; 0 = none yet\"},"
            + "\"capture_nanos\":{\"type\":\"integer\",\"description\":\"capture time on the body clock, ns\"},"
            + "\"state\":{\"type\":\"string\",\"enum\":[\"NEW\",\"RUNNING\",\"STOPPED\",\"FAILED\",\"CLOSED\"]}";

    static final String RAW_IMAGE = object("foxglove.RawImage",
            "The camera frame as the agent read it (Foxglove's RawImage; data base64)",
            "\"frame_id\":{\"type\":\"string\"},\"width\":{\"type\":\"integer\"},\"height\":{\"type\":\"integer\"},"
            + "\"encoding\":{\"type\":\"string\",\"description\":\"yuyv, rgb8 or mono8\"},"
            + "\"step\":{\"type\":\"integer\",\"description\":\"bytes per row\"},"
            + READING + ",\"data\":{\"type\":\"string\",\"contentEncoding\":\"base64\"}");

    static final String SHEET_MAP = object("foxglove.RawImage",
            "A map of the cortical sheet (prediction or error), each cell the mean of a record.sheet.downsample"
            + " square block, row-major; float32 little-endian (encoding 32FC1), base64",
            "\"frame_id\":{\"type\":\"string\"},\"width\":{\"type\":\"integer\"},\"height\":{\"type\":\"integer\"},"
            + "\"encoding\":{\"type\":\"string\",\"description\":\"32FC1\"},"
            + "\"step\":{\"type\":\"integer\",\"description\":\"bytes per row\"},"
            + "\"data\":{\"type\":\"string\",\"contentEncoding\":\"base64\"}");

    static final String AUDIO = object("ev3cortex.Audio",
            "The microphone window the agent read: signed 16-bit little-endian samples, interleaved, base64",
            "\"sample_rate_hz\":{\"type\":\"integer\"},\"channels\":{\"type\":\"integer\"},"
            + "\"frames\":{\"type\":\"integer\"}," + READING
            + ",\"data\":{\"type\":\"string\",\"contentEncoding\":\"base64\"}");

    static final String BODY = object("ev3cortex.Body",
            "Motors, touch, battery and host stats as read this tick",
            "\"nanos\":{\"type\":\"integer\",\"description\":\"body clock, ns\"},"
            + "\"position_counts\":" + INTS + ",\"description\":\"tacho counts\"},"
            + "\"speed_counts_per_sec\":" + INTS + ",\"description\":\"counts/s\"},"
            + "\"flags\":" + INTS + ",\"description\":\"running 1, ramping 2, holding 4, overloaded 8, stalled 16\"},"
            + "\"touch\":{\"type\":\"array\",\"items\":{\"type\":\"boolean\"}},"
            + "\"battery_v\":{\"type\":\"number\"},\"battery_a\":{\"type\":\"number\"},"
            + "\"stats\":" + NUMS + ",\"description\":\"cpu load 0..1, memory used B, memory total B, temperature C, processes; null = none\"},"
            + "\"stats_sequence\":{\"type\":\"integer\"},\"stats_capture_nanos\":{\"type\":\"integer\"},\"stats_state\":{\"type\":\"string\"}");

    static final String COMMANDS = object("ev3cortex.Commands",
            "What the write phase issued per motor (the efference copy): the last command and when",
            "\"mode\":" + INTS + ",\"description\":\"0 none, 1 run-forever, 2 run-to-rel-pos, 3 run-timed, 4 stop\"},"
            + "\"speed_counts_per_sec\":" + INTS + ",\"description\":\"counts/s, 0 after a stop\"},"
            + "\"issued_tick\":" + INTS + ",\"description\":\"tick of the last command, -1 before any\"}");

    static final String SURPRISE = object("ev3cortex.Surprise",
            "Mean surprise per sheet area (e^2/sigma^2), one number per area name",
            "\"V1_L\":{\"type\":\"number\"},\"V1_R\":{\"type\":\"number\"},\"A1_L\":{\"type\":\"number\"},"
            + "\"A1_R\":{\"type\":\"number\"},\"S1\":{\"type\":\"number\"},\"INSULA\":{\"type\":\"number\"},"
            + "\"M1\":{\"type\":\"number\"},\"ASSOC\":{\"type\":\"number\"}");

    static final String BEHAVIOUR = object("ev3cortex.Behaviour",
            "The selected behaviour and the switches since the last message, with their reasons",
            "\"active\":{\"type\":\"string\"},\"active_index\":{\"type\":\"integer\"},\"switch_count\":{\"type\":\"integer\"},"
            + "\"switches\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
            + "\"tick\":{\"type\":\"integer\"},\"from\":{\"type\":\"string\"},\"to\":{\"type\":\"string\"},"
            + "\"reason\":{\"type\":\"string\"},\"salience_from\":{\"type\":\"number\"},\"salience_to\":{\"type\":\"number\"}}}}");

    static final String TIMINGS = object("ev3cortex.Timings",
            "Stage times of the tick, ms",
            "\"wall_ms\":{\"type\":\"integer\",\"description\":\"wall clock, ms since the epoch\"},"
            + "\"tick_ms\":{\"type\":\"number\"},\"epochs_ms\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}},"
            + "\"overruns\":{\"type\":\"integer\"},\"recorder_dropped\":{\"type\":\"integer\"}");

    static final String CONFIG = object("ev3cortex.Config",
            "The config at the start and at each change, with the hot-reload verdict",
            "\"status\":{\"type\":\"string\",\"description\":\"START or the verdict\"},\"verdict_tick\":{\"type\":\"integer\"},"
            + "\"lines\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"config_changed\":{\"type\":\"boolean\"},"
            + "\"values\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}");
}
