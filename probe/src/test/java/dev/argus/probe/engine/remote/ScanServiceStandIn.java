package dev.argus.probe.engine.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server behaving like a private scanning service (the API of
 * engines/remote/examples/private-scanner.yaml): {@code POST /api/v1/scans} takes a multipart or raw upload and
 * answers 202 with a job id and a Location header, {@code GET /api/v1/scans/<id>} answers "running" a few times,
 * then "finished" with the verdict ({@code infected} when the file contains EICAR's marker), {@code POST
 * /api/v1/scan-now} answers the verdict at once, and {@code /health} and {@code /api/v1/version} answer as such
 * services do. Every request must carry {@code Authorization: Bearer <token>}, else 401 echoing what it got. Knobs
 * make it slow, failing or nonsensical.
 */
final class ScanServiceStandIn implements AutoCloseable {

    static final String MARKER = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE";

    /** One upload as the service received it. */
    record Upload(String contentType, String field, String fileName, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String token;
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> infected = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    private volatile int pollsBeforeDone = 1;
    private volatile String finalStatus = "finished";
    private volatile Integer submitStatus;
    private volatile String submitBody;
    private volatile String pollBody;
    private volatile boolean hang;

    ScanServiceStandIn(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> authorizations() {
        return authorizations;
    }

    List<Upload> uploads() {
        return uploads;
    }

    /** Polls answering "running" before the final answer; {@link Integer#MAX_VALUE} never finishes. */
    ScanServiceStandIn pollsBeforeDone(int count) {
        pollsBeforeDone = count;
        return this;
    }

    /** The status of the final poll answer, e.g. {@code error}. */
    ScanServiceStandIn finalStatus(String status) {
        finalStatus = status;
        return this;
    }

    /** Every submit is answered with this status and body. */
    ScanServiceStandIn submitAnswers(int status, String body) {
        submitStatus = status;
        submitBody = body;
        return this;
    }

    /** Every poll is answered 200 with this body. */
    ScanServiceStandIn pollAnswers(String body) {
        pollBody = body;
        return this;
    }

    /** Requests get no answer until the server stops. */
    ScanServiceStandIn hang() {
        hang = true;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (hang) {
                stopping.await(60, TimeUnit.SECONDS);
                return;
            }
            if (!("Bearer " + token).equals(authorization)) {
                send(exchange, 401, "{\"error\": \"invalid credentials: " + authorization + "\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/health")) {
                send(exchange, 200, "{\"status\": \"up\"}");
            } else if (path.equals("/api/v1/version")) {
                send(exchange, 200, "{\"version\": \"2.1.0\", \"signatures\": \"sig-42\"}");
            } else if (method.equals("POST") && path.equals("/api/v1/scans")) {
                submit(exchange, body);
            } else if (method.equals("POST") && path.equals("/api/v1/scan-now")) {
                boolean bad = record(exchange, body);
                send(exchange, submitStatus != null ? submitStatus : 200,
                        submitBody != null ? submitBody : verdict(bad, "finished"));
            } else if (method.equals("GET") && path.startsWith("/api/v1/scans/")) {
                poll(exchange, path.substring("/api/v1/scans/".length()));
            } else {
                send(exchange, 404, "{\"error\": \"no such endpoint\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(HttpExchange exchange, byte[] body) throws IOException {
        boolean bad = record(exchange, body);
        if (submitStatus != null) {
            send(exchange, submitStatus, submitBody);
            return;
        }
        String id = UUID.randomUUID().toString();
        polls.put(id, new AtomicInteger());
        infected.put(id, bad);
        exchange.getResponseHeaders().add("Location", "/api/v1/scans/" + id);
        send(exchange, 202, "{\"id\": \"" + id + "\", \"status\": \"queued\"}");
    }

    private void poll(HttpExchange exchange, String id) throws IOException {
        AtomicInteger count = polls.get(id);
        if (count == null) {
            send(exchange, 404, "{\"error\": \"unknown job " + id + "\"}");
        } else if (pollBody != null) {
            send(exchange, 200, pollBody);
        } else if (count.getAndIncrement() < pollsBeforeDone) {
            send(exchange, 200, "{\"id\": \"" + id + "\", \"status\": \"running\"}");
        } else {
            send(exchange, 200, verdict(infected.get(id), finalStatus));
        }
    }

    private static String verdict(boolean bad, String status) {
        if (status.equals("error")) {
            return "{\"status\": \"error\", \"message\": \"sandbox VM crashed\"}";
        }
        return "{\"status\": \"" + status + "\", \"verdict\": \"" + (bad ? "infected" : "clean") + "\", \"threat\": "
                + (bad ? "\"EICAR-Test-File\"" : "null")
                + ", \"engine\": {\"version\": \"2.1.0\", \"signatures\": \"sig-42\"}}";
    }

    /** Records the upload; true when it holds the marker. */
    private boolean record(HttpExchange exchange, byte[] body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String field = null;
        String fileName = null;
        String content = text;
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            var disposition = java.util.regex.Pattern
                    .compile("Content-Disposition: form-data; name=\"([^\"]+)\"; filename=\"([^\"]+)\"")
                    .matcher(text);
            if (disposition.find()) {
                field = disposition.group(1);
                fileName = disposition.group(2);
            }
            int start = text.indexOf("\r\n\r\n");
            int end = text.lastIndexOf("\r\n--");
            content = start >= 0 && end > start ? text.substring(start + 4, end) : "";
        }
        uploads.add(new Upload(contentType, field, fileName, content));
        return content.contains(MARKER);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
