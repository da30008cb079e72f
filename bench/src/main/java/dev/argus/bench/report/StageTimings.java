package dev.argus.bench.report;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stage timings Argus's processes log at DEBUG on the {@code dev.argus.timing} logger
 * ({@code stage=<name> us=<microseconds>}, one line per stage per file), read from their log files between two marks:
 * what each stage really cost during a phase of the run.
 */
public final class StageTimings {

    private static final Pattern LINE = Pattern.compile("stage=(\\S+) us=([0-9]+)");

    private final List<Path> logs;
    private final List<Long> offsets = new ArrayList<>();

    /** Marks the current end of each log; {@link #since()} reads only what is written after. */
    public StageTimings(List<Path> logs) throws IOException {
        this.logs = List.copyOf(logs);
        for (Path log : logs) {
            offsets.add(Files.exists(log) ? Files.size(log) : 0L);
        }
    }

    /** Per stage: count and mean milliseconds of the lines logged since the mark, by stage name. */
    public Map<String, Stage> since() throws IOException {
        Map<String, List<Double>> samples = new TreeMap<>();
        for (int i = 0; i < logs.size(); i++) {
            for (String line : tail(logs.get(i), offsets.get(i))) {
                Matcher matcher = LINE.matcher(line);
                if (matcher.find()) {
                    samples.computeIfAbsent(matcher.group(1), stage -> new ArrayList<>())
                            .add(Long.parseLong(matcher.group(2)) / 1000.0);
                }
            }
        }
        Map<String, Stage> stages = new TreeMap<>();
        samples.forEach((name, values) -> {
            Percentiles percentiles = new Percentiles(values);
            stages.put(name, new Stage(values.size(), percentiles.mean(), percentiles.at(50)));
        });
        return stages;
    }

    private static List<String> tail(Path log, long offset) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length() - offset;
            if (length <= 0) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(length, 256L * 1024 * 1024)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** One stage: how many times it ran, its mean and median in milliseconds. */
    public record Stage(int count, double meanMs, double p50Ms) {
    }
}
