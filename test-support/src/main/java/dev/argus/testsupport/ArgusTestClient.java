package dev.argus.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of the tests for Argus's public API, as a user's script sees it: every request carries
 * {@code Authorization: Bearer <key>} (none when the key is null), bodies come back as strings, {@link #json}
 * reads them. It never throws a checked exception: a failed exchange is an {@link IllegalStateException} naming
 * the request.
 */
public final class ArgusTestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FINAL_STATES = Set.of("finished", "cancelled", "error");

    private final HttpClient client;
    private final String base;
    private final String key;

    private ArgusTestClient(HttpClient client, String base, String key) {
        this.client = client;
        this.base = base;
        this.key = key;
    }

    /** A client for {@code http://127.0.0.1:<port>} sending {@code key}. */
    public static ArgusTestClient onPort(int port, String key) {
        return on("http://127.0.0.1:" + port, key);
    }

    /** A client for the base URL (scheme, host and port, no trailing slash) sending {@code key}. */
    public static ArgusTestClient on(String baseUrl, String key) {
        return new ArgusTestClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl,
                key);
    }

    /** The same server and connection pool with another API key; null sends no Authorization header. */
    public ArgusTestClient withKey(String otherKey) {
        return new ArgusTestClient(client, base, otherKey);
    }

    /**
     * Creates a user with the role and an API key for it, with this client's (admin) key, and returns a client
     * sending the new key.
     */
    public ArgusTestClient newUser(String role) {
        String username = role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> user = postJson("/api/v1/users",
                "{\"username\":\"" + username + "\",\"role\":\"" + role + "\"}");
        if (user.statusCode() != 201) {
            throw new IllegalStateException("creating user " + username + ": " + user.statusCode() + " "
                    + user.body());
        }
        HttpResponse<String> created = postJson("/api/v1/users/" + username + "/keys", "{\"name\":\"test\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating a key for " + username + ": " + created.body());
        }
        return withKey(json(created).get("key").asString());
    }

    /** The API key this client sends. */
    public String key() {
        return key;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POST /api/v1/scans with the form, read into memory first and sent with its Content-Length. */
    public HttpResponse<String> upload(Multipart form) {
        return send(HttpRequest.newBuilder(uri("/api/v1/scans")).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    /** POST /api/v1/scans with the form streamed in chunks (no Content-Length), for files too large to hold. */
    public HttpResponse<String> uploadStreamed(Multipart form) {
        return send(HttpRequest.newBuilder(uri("/api/v1/scans")).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(form::stream)));
    }

    /** POST /api/v1/scans with one file part. */
    public HttpResponse<String> upload(String filename, byte[] content) {
        return upload(new Multipart().file(filename, content));
    }

    /** Sends the request with this client's key (two minutes at most). */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = authorized(request).timeout(Duration.ofMinutes(2)).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("request " + built + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built, e);
        }
    }

    /** Adds this client's Authorization header, for requests sent with {@link #client()} directly. */
    public HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    /** The underlying JDK client, for streaming and asynchronous requests. */
    public HttpClient client() {
        return client;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** Polls the scan until it reaches a final status, and returns that last view of it. */
    public JsonNode awaitFinished(String scanId, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = json(get("/api/v1/scans/" + scanId));
            return FINAL_STATES.contains(last[0].path("status").asString());
        });
        return last[0];
    }

    /** True when GET /api/v1/probes answers and lists the probe as online; false on any failure. */
    public boolean probeOnline(String name) {
        try {
            HttpResponse<String> probes = get("/api/v1/probes");
            if (probes.statusCode() != 200) {
                return false;
            }
            for (JsonNode probe : json(probes)) {
                if (name.equals(probe.path("name").asString()) && probe.path("online").asBoolean()) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** The body as JSON: a null node when empty, a text node when it is not JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** The first value of the response header, or "" when there is none. */
    public static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /**
     * A multipart/form-data body, streamed from its parts so that a large test file never sits in memory. Parts
     * go in the order they were added.
     */
    public static final class Multipart {

        private record Part(String headers, Supplier<InputStream> content) {
        }

        private final String boundary = "argus-" + UUID.randomUUID();
        private final List<Part> parts = new ArrayList<>();

        /** A file part {@code file} with its name and content ({@code application/octet-stream}). */
        public Multipart file(String filename, byte[] content) {
            return file(filename, () -> new ByteArrayInputStream(content));
        }

        /** A file part whose content is read from the supplier each time the body is sent. */
        public Multipart file(String filename, Supplier<InputStream> content) {
            parts.add(new Part("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n", content));
            return this;
        }

        /** A text field. */
        public Multipart field(String name, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            parts.add(new Part("Content-Disposition: form-data; name=\"" + name + "\"\r\n",
                    () -> new ByteArrayInputStream(bytes)));
            return this;
        }

        /** The Content-Type header of this body, with its boundary. */
        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        /** The whole body, once more from the start. */
        public InputStream stream() {
            List<InputStream> streams = new ArrayList<>();
            for (Part part : parts) {
                streams.add(text("--" + boundary + "\r\n" + part.headers() + "\r\n"));
                streams.add(part.content().get());
                streams.add(text("\r\n"));
            }
            streams.add(text("--" + boundary + "--\r\n"));
            return new SequenceInputStream(Collections.enumeration(streams));
        }

        /** The whole body in memory. */
        public byte[] body() {
            try (InputStream in = stream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static InputStream text(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
