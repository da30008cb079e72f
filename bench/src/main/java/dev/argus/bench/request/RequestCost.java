package dev.argus.bench.request;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frontend's CPU time per request, warm: for each endpoint, K warm-up requests, then M measured ones from one
 * client (one keep-alive connection, one request at a time), with the frontend process's CPU time (utime + stime
 * of {@code /proc/<pid>/stat}) read before and after the measured ones. Prints figures only; it asserts nothing.
 *
 * <p>The endpoints: {@code GET /actuator/health} (public), {@code GET /api/v1/probes} and
 * {@code GET /api/v1/scans/{id}} of a finished one-file scan (both with {@code Authorization: Bearer <key>}). The
 * scan is made by uploading a small file unless {@code --scan=<id>} names one; it must finish, so the brain and a
 * probe must run (scripts/run-local.sh). The frontend's rate limit must allow the requests (set
 * {@code argus.security.rate-limit.requests-per-minute} high for the measurement).
 *
 * <p>Needs only the JDK: {@code java bench/src/main/java/dev/argus/bench/request/RequestCost.java --pid=<pid>
 * --key=<key>} (scripts/request-cost.sh starts a frontend and runs it).
 */
public final class RequestCost {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux x86-64 and arm64

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;
    private final long pid;

    private RequestCost(String base, String key, long pid) {
        this.base = base;
        this.key = key;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String base = options.getOrDefault("base", "http://localhost:8080");
        String key = options.get("key");
        if (key == null && options.containsKey("key-file")) {
            key = Files.readString(Path.of(options.get("key-file"))).strip();
        }
        if (key == null) {
            throw new IllegalArgumentException("--key=<API key> or --key-file=<file> is required");
        }
        long pid = Long.parseLong(options.getOrDefault("pid", "0"));
        if (pid <= 0) {
            throw new IllegalArgumentException("--pid=<the frontend's process id> is required");
        }
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3000"));
        int measured = Integer.parseInt(options.getOrDefault("requests", "2000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        RequestCost cost = new RequestCost(base, key, pid);
        if (options.containsKey("brain-pid")) {
            cost.scans(Long.parseLong(options.get("brain-pid")),
                    Integer.parseInt(options.getOrDefault("scan-warmup", "600")),
                    Integer.parseInt(options.getOrDefault("scans", "300")), options.getOrDefault("label", "-"));
            return;
        }
        String scan = options.containsKey("scan") ? options.get("scan") : cost.finishedScan();

        List<String[]> endpoints = new ArrayList<>();
        endpoints.add(new String[] {"/actuator/health", "public"});
        endpoints.add(new String[] {"/api/v1/probes", "bearer"});
        endpoints.add(new String[] {"/api/v1/scans/" + scan, "bearer"});
        String label = options.getOrDefault("label", "");
        System.out.printf(Locale.ROOT,
                "# frontend pid %d, scan %s, %d warm-up + %d measured requests per endpoint, %d round(s)%s%n",
                pid, scan, warmup, measured, rounds, label.isEmpty() ? "" : ", " + label);
        for (int round = 1; round <= rounds; round++) {
            for (String[] endpoint : endpoints) {
                boolean bearer = endpoint[1].equals("bearer");
                cost.run(endpoint[0], bearer, warmup);
                long cpuBefore = cost.cpuTicks();
                long systemBefore = cost.systemTicks();
                Map<String, Long> compilersBefore = cost.compilerTicks();
                long wallBefore = System.nanoTime();
                cost.run(endpoint[0], bearer, measured);
                long wall = System.nanoTime() - wallBefore;
                long cpu = cost.cpuTicks() - cpuBefore;
                long system = cost.systemTicks() - systemBefore;
                long jit = 0;
                for (Map.Entry<String, Long> after : cost.compilerTicks().entrySet()) {
                    jit += after.getValue() - compilersBefore.getOrDefault(after.getKey(), 0L);
                }
                System.out.printf(Locale.ROOT, "%-8s round %d  %-32s cpu %.3f ms/request (kernel %.3f, JIT "
                                + "compiler threads %.3f)  wall %.3f ms/request%n",
                        label.isEmpty() ? "-" : label, round, "GET " + endpoint[0].replace(scan, "{id}"),
                        ticksToMs(cpu) / measured, ticksToMs(system) / measured, ticksToMs(jit) / measured,
                        wall / 1e6 / measured);
            }
        }
    }

    /** Sends the requests one after the other; fails on any answer other than 200. */
    private void run(String path, boolean bearer, int count) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer) {
            builder.header("Authorization", "Bearer " + key);
        }
        HttpRequest request = builder.build();
        for (int i = 0; i < count; i++) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
    }

    private static double ticksToMs(long ticks) {
        return ticks * 1000.0 / CLOCK_TICKS_PER_SECOND;
    }

    /** utime + stime of each live JIT compiler thread of the process, by thread id (they come and go). */
    private Map<String, Long> compilerTicks() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        ticks.put(task.getFileName().toString(), utimeStime(stat));
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static long utimeStime(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** stime of the process: its time in the kernel (sockets, polling), in clock ticks. */
    private long systemTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
    private long cpuTicks() throws IOException {
        // the command name (field 2) is in parentheses and may contain spaces: fields are counted after its ')'
        return utimeStime(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /**
     * The other mode ({@code --brain-pid=<pid>}): CPU per scan of the brain and of the frontend, for one small file
     * scanned by every online probe, after {@code warmup} such scans; one scan at a time, each awaited with a long
     * poll.
     */
    private void scans(long brainPid, int warmup, int measured, String label) throws IOException, InterruptedException {
        RequestCost brain = new RequestCost(base, key, brainPid);
        for (int i = 0; i < warmup; i++) {
            finishedScan();
        }
        long brainBefore = brain.cpuTicks();
        long frontendBefore = cpuTicks();
        long wallBefore = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            finishedScan();
        }
        long wall = System.nanoTime() - wallBefore;
        System.out.printf(Locale.ROOT, "%-8s scans: brain cpu %.3f ms/scan, frontend cpu %.3f ms/scan, "
                        + "wall %.3f ms/scan (%d warm-up, %d measured)%n", label,
                ticksToMs(brain.cpuTicks() - brainBefore) / measured,
                ticksToMs(cpuTicks() - frontendBefore) / measured, wall / 1e6 / measured, warmup, measured);
    }

    /** Uploads a small unique file and waits until its scan is finished; returns the scan's id. */
    private String finishedScan() throws IOException, InterruptedException {
        String boundary = "argus-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cost.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nrequest cost " + UUID.randomUUID() + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/scans"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 202) {
            throw new IllegalStateException("the upload answered " + created.statusCode() + ": " + created.body());
        }
        String id = member(created.body(), "id");
        if ("finished".equals(member(created.body(), "status"))) {
            return id;
        }
        for (int i = 0; i < 600; i++) {
            // a long poll where the frontend has one, else a plain read every 100 ms
            HttpResponse<String> scan = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/scans/" + id
                            + "?wait=30s")).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
            if ("finished".equals(member(scan.body(), "status"))) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("scan " + id
                + " did not finish within a minute (are the brain and a probe running?)");
    }

    private static String member(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
