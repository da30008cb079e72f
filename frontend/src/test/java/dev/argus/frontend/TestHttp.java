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
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A small HTTP client for the integration tests, with a multipart/form-data body builder. */
final class TestHttp {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    TestHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> upload(Multipart form) {
        return send(HttpRequest.newBuilder(uri("/api/v1/scans"))
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build());
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
