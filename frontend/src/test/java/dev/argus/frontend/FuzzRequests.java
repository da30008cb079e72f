package dev.argus.frontend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded generator of requests across the whole API: every route and method, edge and junk paths, query
 * parameters, headers of every kind and size, JSON, multipart and random bodies ({@link FuzzBodies}). The same
 * seed gives the same requests, so a failure seen in CI can be replayed.
 */
final class FuzzRequests {

    /** One generated request; {@code body} null means none (no Content-Length); a chunked one has no length. */
    record Request(String method, String target, List<String> headers, byte[] body, boolean chunked) {

        @Override
        public String toString() {
            String shown = target.length() > 120 ? target.substring(0, 120) + "…" : target;
            return method + " " + shown + " " + headers.stream().map(h -> h.length() > 80 ? h.substring(0, 80) + "…" : h)
                    .toList() + (body == null ? "" : " body " + body.length + " bytes");
        }
    }

    /**
     * The user the generated requests name where a route takes a username: a real user, so that the user routes
     * (revoking all keys, a PATCH) act, but never the admin whose key the fuzz test sends — revoking that key would
     * end the test's and every later test's access ({@code AdminBootstrap} does not bring a revoked key back).
     */
    static final String FUZZ_USER = "fuzz-target";

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
            "PROPFIND", "X");
    /** Routes besides the application's own mappings: junk, static files, the error page, login and actuator. */
    private static final List<String> EXTRA_ROUTES = List.of("/api/v1/scans", "/api/v1/scans/{id}",
            "/api/v1/scans/{id}/cancel", "/api/v1/scans/{id}/events", "/api/v1/files", "/api/v1/files/{hash}",
            "/api/v1/probes", "/api/v1/{junk}", "/api/{junk}", "/actuator/health", "/v3/api-docs", "/",
            "/index.html", "/js/app.js", "/{junk}", "/error", "/api/v1/users", "/api/v1/users/{junk}/keys",
            "/api/v1/users/" + FUZZ_USER + "/keys", "/api/v1/keys/{id}", "/api/v1/files/{hash}/download",
            "/api/v1/files/{hash}/label", "/api/v1/files/{hash}/labels", "/api/v1/labels", "/api/v1/models",
            "/api/v1/models/current", "/api/v1/models/{junk}", "/api/v1/stats", "/login", "/logout",
            "/login.html", "/actuator/{junk}", "/api/v3/files", "/api/v3/files/{hash}", "/api/v3/files/upload",
            "/api/v3/files/upload_url", "/api/v3/files/{hash}/analyse", "/api/v3/analyses/{id}", "/api/v3/{junk}",
            "/vtapi/v2/file/scan", "/vtapi/v2/file/report", "/vtapi/v2/file/rescan", "/vtapi/v2/{junk}");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "multipart/form-data",
            "multipart/form-data; boundary=", "multipart/mixed; boundary=x", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/json; charset=utf-16", "*/*", "garbage", ";;;",
            "application/problem+json", "multipart/form-data; boundary=\"\"");
    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/event-stream",
            "application/xml", "text/html", "image/png", "application/problem+json", "garbage/", "");
    private static final List<String> QUERY_NAMES = List.of("page", "size", "status", "query", "sort", "id", "x",
            "resource", "apikey");

    /** Hostile path segments: bad percent-encoding, path parameters, NUL, encoded separators, dot segments, unicode. */
    private static final List<String> HOSTILE_SEGMENTS = List.of("%zz", ";a%", "%", "%0", "a%2", "%00", "x%00y",
            "%2F", "a%2fb", "%5C", ";", ";a=b", ";jsessionid=1", "..;", "..", ".", "%2e%2e", "%2e", "%C0%AF",
            "%ED%A0%80", "%FF%FE", "%E2%80%AE", "%E2%80%8B", "%EF%BB%BF", "%0D%0A", "%09", "%7F", "\u00e9",
            "%F0%9F%92%A9", "%25", "%25%", "%%", "~", "*", "'", "\"", "<script>", "%3Cscript%3E");

    private final Random random;
    private final FuzzBodies bodies;
    private final List<String> routes;

    /** Requests to the fixed list of routes only. */
    FuzzRequests(long seed) {
        this(seed, List.of());
    }

    /** Requests to {@code mappedRoutes} (the application's mappings, e.g. {@code /api/v1/scans/{id}}) and more. */
    FuzzRequests(long seed, List<String> mappedRoutes) {
        this.random = new Random(seed);
        this.bodies = new FuzzBodies(random);
        List<String> all = new ArrayList<>(mappedRoutes);
        all.addAll(EXTRA_ROUTES);
        this.routes = List.copyOf(all);
    }

    Request next() {
        String method = random.nextInt(3) == 0 ? pick(METHODS) : random.nextBoolean() ? "GET" : "POST";
        String target = path() + query();
        List<String> headers = new ArrayList<>();
        if (random.nextInt(3) > 0) {
            headers.add("Accept: " + pick(ACCEPTS));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            headers.add(header());
        }
        if (random.nextInt(10) == 0) {
            headers.add(authorization());
        }
        if (random.nextInt(10) == 0) {
            headers.add("x-apikey: " + (random.nextBoolean() ? junk() : TestKeys.ADMIN_KEY));
        }
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && random.nextInt(5) > 0 || random.nextInt(20) == 0) {
            FuzzBodies.Body made = bodies.next();
            body = made.bytes();
            headers.add("Content-Type: " + (random.nextInt(8) == 0 ? pick(CONTENT_TYPES) : made.contentType()));
        }
        return new Request(method, target, headers, body, body != null && random.nextInt(10) == 0);
    }

    private String path() {
        String path = variables(pick(routes));
        return switch (random.nextInt(16)) {
            case 0 -> path + "/";
            case 1 -> path.replace("/api/", "//api//");
            case 2 -> path + ";jsessionid=" + junk();
            case 3 -> path + "/%2e%2e/%2e%2e/etc/passwd";
            case 4 -> path + "/" + "a".repeat(random.nextInt(9000));
            case 5, 6 -> path + (random.nextBoolean() ? "/" : "") + pick(HOSTILE_SEGMENTS);
            case 7 -> insertSegment(path, pick(HOSTILE_SEGMENTS));
            default -> path;
        };
    }

    /** Each {@code {name}} of a route pattern filled with a value of the kind its name suggests, or junk. */
    private String variables(String pattern) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', at)) {
            int close = pattern.indexOf('}', open);
            path.append(pattern, at, open);
            String name = pattern.substring(open + 1, close).replaceFirst("[:*].*", "").toLowerCase();
            path.append(random.nextInt(4) == 0 ? junk() : random.nextInt(8) == 0 ? pick(HOSTILE_SEGMENTS)
                    : name.contains("hash") || name.contains("sha") || name.contains("resource") ? hash()
                    : name.equals("id") || name.endsWith("id") ? UUID.randomUUID().toString()
                    : name.contains("user") ? FUZZ_USER : junk());
            at = close + 1;
        }
        return path.append(pattern.substring(at)).toString();
    }

    private String insertSegment(String path, String segment) {
        int slash = path.indexOf('/', 1 + random.nextInt(Math.max(1, path.length() - 1)));
        return slash < 0 ? path + "/" + segment : path.substring(0, slash) + "/" + segment + path.substring(slash);
    }

    private String query() {
        if (random.nextBoolean()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = random.nextInt(4); i >= 0; i--) {
            query.append(pick(QUERY_NAMES)).append('=').append(value()).append('&');
        }
        return query.toString();
    }

    private String value() {
        return switch (random.nextInt(10)) {
            case 0 -> "-1";
            case 1 -> "99999999999999999999";
            case 2 -> Integer.toString(random.nextInt(200));
            case 3 -> "queued";
            case 4 -> "tag:" + junk();
            case 5 -> hash();
            case 6 -> "%zz%";
            case 7 -> "%00%0d%0a";
            case 8 -> java.net.URLEncoder.encode(FuzzBodies.HOSTILE_NAMES.get(random.nextInt(
                    FuzzBodies.HOSTILE_NAMES.size())), StandardCharsets.UTF_8);
            default -> junk();
        };
    }

    private String header() {
        return switch (random.nextInt(13)) {
            case 8 -> "X-Forged: a\r\nX-Injected: " + junk();
            case 9 -> "X-Nul: a\0b";
            case 10 -> "Content-Length: " + (random.nextBoolean() ? "-1" : "99999999999999999999");
            case 11 -> "Cookie: JSESSIONID=" + junk() + "; XSRF-TOKEN=" + junk();
            case 12 -> "X-Bidi: \u202Eexe.txt\u200B";
            case 0 -> "X-Padding: " + "p".repeat(random.nextInt(20_000));
            case 1 -> "Range: bytes=" + junk();
            case 2 -> "If-None-Match: " + junk();
            case 3 -> "Accept-Encoding: gzip, br, " + junk();
            case 4 -> "Origin: http://" + junk() + ".example";
            case 5 -> "Accept-Language: " + junk();
            case 6 -> "Transfer-Encoding: identity";
            default -> "X-" + Integer.toHexString(random.nextInt()) + ": " + junk();
        };
    }

    /**
     * A credential other than the admin key {@link RawHttp} sends by default: none at all (an empty value), a
     * junk or unknown bearer key, another scheme, a huge one.
     */
    private String authorization() {
        return switch (random.nextInt(7)) {
            case 0 -> "Authorization:";
            case 1 -> "Authorization: Bearer " + junk();
            case 2 -> "Authorization: Bearer argus_" + "A".repeat(43);
            case 3 -> "Authorization: Basic " + junk();
            case 4 -> "Authorization: Bearer " + "k".repeat(random.nextInt(10_000));
            case 5 -> "Authorization: Bearer argus_\0" + junk();
            default -> "Authorization: " + junk();
        };
    }

    private String hash() {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        return random.nextInt(4) == 0 ? hex.toUpperCase() : random.nextInt(6) == 0 ? hex + "zz" : hex;
    }

    /** URL-safe junk, sometimes percent-encoded bytes of every kind. */
    private String junk() {
        byte[] bytes = new byte[random.nextInt(24)];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            StringBuilder encoded = new StringBuilder();
            for (byte b : bytes) {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
            return encoded.toString();
        }
        return HexFormat.of().formatHex(bytes);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
