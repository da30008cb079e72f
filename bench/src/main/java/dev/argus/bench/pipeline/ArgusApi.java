package dev.argus.bench.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few REST calls the benchmark makes, each with the {@code Authorization: Bearer} header when a key is known.
 * A scan's end is observed on its Server-Sent Events stream ({@link #awaitEnd}) or by asking for its status,
 * at once or held by the server ({@link #status}); {@link ScanEnd} chooses as its {@link Client} kind does.
 */
public final class ArgusApi {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** apiKey: null when the deployment has no security yet. */
    public ArgusApi(String baseUrl, String apiKey) {
        this.base = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    /**
     * A submitted scan as its 202 answer describes it.
     *
     * @param id    the scan's id
     * @param ended true when the answer already carries a final status (a scan answered from stored results is
     *              finished in its 202): the submitter has its results and nothing is left to wait for
     */
    public record Submitted(String id, boolean ended) {

        static Submitted of(JsonNode scan) {
            return new Submitted(scan.get("id").asString(), isFinal(scan.get("status").asString()));
        }
    }

    /** Whether a scan status is final: {@code finished}, {@code cancelled} or {@code error}. */
    public static boolean isFinal(String status) {
        return switch (status) {
            case "finished", "cancelled", "error" -> true;
            default -> false;
        };
    }

    /** Uploads one file (probes: only clamav). */
    public Submitted upload(Path file) {
        return upload(List.of(file));
    }

    /** Uploads the files as one scan (probes: only clamav). */
    public Submitted upload(List<Path> files) {
        List<MultipartBody.Part> parts = new ArrayList<>(files.size());
        for (Path file : files) {
            parts.add(new MultipartBody.Part(file.getFileName().toString(), size(file), () -> open(file)));
        }
        return send(new MultipartBody("clamav", parts));
    }

    /** Uploads content of a known size streamed from the supplier, never held in memory. */
    public Submitted upload(String filename, long size, Supplier<InputStream> content) {
        return send(new MultipartBody("clamav", List.of(new MultipartBody.Part(filename, size, content))));
    }

    private Submitted send(MultipartBody body) {
        HttpRequest request = request("/api/v1/scans").header("Content-Type", body.contentType())
                .timeout(Duration.ofMinutes(30)).POST(body.publisher()).build();
        return Submitted.of(send(request, 202));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Submits a scan of stored files by sha256 (force=false: a known result is reused), returning its id. */
    public Submitted rescan(String sha256) {
        String json = "{\"sha256\":[\"" + sha256 + "\"],\"probes\":[\"clamav\"],\"force\":false}";
        HttpRequest request = request("/api/v1/scans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return Submitted.of(send(request, 202));
    }

    /** Blocks until the scan's event stream ends, i.e. the scan reached a final status. */
    public void awaitEnd(String scanId) {
        HttpRequest request = request("/api/v1/scans/" + scanId + "/events").header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(10)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream events = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET events of " + scanId + ": HTTP " + response.statusCode()
                            + " " + new String(events.readAllBytes()));
                }
                events.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The scan as the API shows it. */
    public JsonNode scan(String scanId) {
        return send(request("/api/v1/scans/" + scanId).GET().build(), 200);
    }

    /**
     * The scan's status, as {@code GET /api/v1/scans/{id}} answers it.
     *
     * @param wait null, or how long the server may hold the answer until the scan ends ({@code ?wait=30s});
     *             a server that does not know the parameter answers at once
     */
    public String status(String scanId, String wait) {
        String query = wait == null ? "" : "?wait=" + wait;
        return send(request("/api/v1/scans/" + scanId + query).GET().build(), 200).get("status").asString();
    }

    /** How many scans are finished. */
    public long finishedScans() {
        return send(request("/api/v1/scans?status=finished&page=0&size=1").GET().build(), 200).get("total")
                .asLong();
    }

    /** Whether the frontend lists the probe online; false while it does not answer. */
    public boolean probeOnline(String name) {
        try {
            for (JsonNode probe : send(request("/api/v1/probes").GET().build(), 200)) {
                if (name.equals(probe.get("name").asString()) && probe.get("online").asBoolean()) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (apiKey != null && !apiKey.isBlank()) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
