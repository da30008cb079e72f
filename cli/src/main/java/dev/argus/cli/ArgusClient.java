package dev.argus.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API v1 as the commands use it, over java.net.http. Every request carries the key as a bearer token.
 * 429 and 503 answers are retried after their {@code Retry-After} (a few times); other error answers become an
 * {@link ApiException}, a server that cannot be reached a {@link CliException}.
 */
public final class ArgusClient {

    /** The settings of the project's wire contract (common's ArgusJson): unknown properties are ignored. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final int RETRIES = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final CliConfig config;
    private final HttpClient http;

    public ArgusClient(CliConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One file of an upload: its content on disk and the name the server shows (never a path). */
    public record Part(Path file, String name) {
    }

    /** {@code POST /api/v1/scans} (multipart): the Scan as recorded. probes empty: every online probe. */
    public JsonNode submit(List<Part> files, List<String> probes) {
        return submit(files, probes, false);
    }

    /**
     * {@code POST /api/v1/scans} (multipart): the Scan as recorded. probes empty: every online probe. bulk: the
     * form field {@code priority=bulk}, so the server queues the work behind interactive scans (a directory scan).
     */
    public JsonNode submit(List<Part> files, List<String> probes, boolean bulk) {
        String boundary = "argus-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> body = new ArrayList<>();
        if (bulk) {
            body.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"priority\"\r\n\r\nbulk\r\n"));
        }
        if (!probes.isEmpty()) {
            body.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"probes\"\r\n\r\n"
                    + String.join(",", probes) + "\r\n"));
        }
        for (Part part : files) {
            body.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + quoted(part.name()) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            try {
                body.add(HttpRequest.BodyPublishers.ofFile(part.file()));
            } catch (IOException e) {
                throw new UnreadableFileException(part.file(), e);
            }
            body.add(text("\r\n"));
        }
        body.add(text("--" + boundary + "--\r\n"));
        HttpRequest.Builder request = request("/api/v1/scans")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(body.toArray(HttpRequest.BodyPublisher[]::new)));
        return send(request);
    }

    /** {@code GET /api/v1/scans/{id}?wait=…}: answers when the scan is over or the wait has passed. */
    public JsonNode scan(String id, Duration wait) {
        return send(request("/api/v1/scans/" + encode(id) + "?wait=" + wait.toSeconds() + "s")
                .timeout(wait.plus(READ_TIMEOUT)).GET());
    }

    /** {@code GET /api/v1/files/{hash}}: the file report. */
    public JsonNode file(String hash) {
        return send(request("/api/v1/files/" + encode(hash)).timeout(READ_TIMEOUT).GET());
    }

    /** {@code GET /api/v1/probes}: every probe the brain knows. */
    public JsonNode probes() {
        return send(request("/api/v1/probes").timeout(READ_TIMEOUT).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(config.url() + path))
                .header("Authorization", "Bearer " + config.apiKey())
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpConnectTimeoutException e) {
                throw new CliException("cannot reach " + config.url() + ": connection timed out", e);
            } catch (ConnectException e) {
                throw new CliException("cannot reach " + config.url() + ": "
                        + (e.getMessage() == null ? "connection refused" : e.getMessage()), e);
            } catch (HttpTimeoutException e) {
                throw new CliException(config.url() + " did not answer in time", e);
            } catch (IOException e) {
                throw new CliException("request to " + config.url() + " failed: " + reason(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted", e);
            }
            int status = response.statusCode();
            if ((status == 429 || status == 503) && attempt < RETRIES) {
                pause(retryAfter(response));
                continue;
            }
            if (status >= 200 && status < 300) {
                return parse(response.body());
            }
            throw problem(response);
        }
    }

    private static ApiException problem(HttpResponse<String> response) {
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (JacksonException e) {
            problem = JSON.createObjectNode();
        }
        String type = problem.path("type").asString("");
        String slug = type.startsWith("urn:argus:problem:") ? type.substring("urn:argus:problem:".length()) : "";
        return new ApiException(response.statusCode(), slug, problem.path("detail").asString(""), problem);
    }

    private JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new CliException(config.url() + " answered something that is not JSON: is it an Argus frontend?", e);
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        try {
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").strip());
            return Duration.ofSeconds(Math.clamp(seconds, 1, 30));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", e);
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static HttpRequest.BodyPublisher text(String value) {
        return HttpRequest.BodyPublishers.ofByteArray(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A filename inside a quoted header parameter, escaped as browsers do (the server checks the name itself). */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A file of an upload that could not be opened or read: that file's problem, not the server's. */
    public static final class UnreadableFileException extends CliException {

        private final Path file;

        public UnreadableFileException(Path file, IOException cause) {
            super("cannot read " + file + ": " + reason(cause), cause);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }
}
