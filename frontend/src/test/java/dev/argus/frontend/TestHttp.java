package dev.argus.frontend;

import dev.argus.common.json.ArgusJson;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A small HTTP client for the integration tests, with a multipart/form-data body builder. It sends
 * {@code Authorization: Bearer <key>}: by default the bootstrap admin key of application-test.properties.
 */
final class TestHttp {

    /** The admin key that application-test.properties bootstraps. */
    static final String ADMIN_KEY = "argus-test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String key;

    TestHttp(int port) {
        this(port, ADMIN_KEY);
    }

    private TestHttp(int port, String key) {
        this.base = "http://localhost:" + port;
        this.key = key;
    }

    /** The same server with another API key; null sends no Authorization header. */
    TestHttp withKey(String otherKey) {
        return new TestHttp(URI.create(base).getPort(), otherKey);
    }

    /** Creates a user with the role and a key for it (as the admin), and returns a client using that key. */
    TestHttp newUser(String role) {
        String username = role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestHttp admin = withKey(ADMIN_KEY);
        HttpResponse<String> user = admin.postJson("/api/v1/users",
                "{\"username\":\"" + username + "\",\"role\":\"" + role + "\"}");
        if (user.statusCode() != 201) {
            throw new IllegalStateException("creating user " + username + ": " + user.body());
        }
        HttpResponse<String> created = admin.postJson("/api/v1/users/" + username + "/keys", "{\"name\":\"test\"}");
        return withKey(json(created).get("key").asString());
    }

    /** The API key this client sends. */
    String key() {
        return key;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> upload(Multipart form) {
        return send(HttpRequest.newBuilder(uri("/api/v1/scans"))
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    HttpClient client() {
        return client;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return ArgusJson.mapper().readTree(response.body());
    }

    /** Sends the request with this client's key. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(authorized(request).build());
    }

    /** Adds this client's Authorization header. */
    HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request " + request + " failed", e);
        }
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        private final String boundary = "argus-" + UUID.randomUUID();
        private final List<byte[]> parts = new ArrayList<>();

        Multipart file(String filename, byte[] content) {
            return part("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/x-msdownload\r\n", content);
        }

        Multipart field(String name, String value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n",
                    value.getBytes(StandardCharsets.UTF_8));
        }

        private Multipart part(String headers, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            parts.add(out.toByteArray());
            return this;
        }

        byte[] body() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
