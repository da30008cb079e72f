package dev.argus.frontend;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Request bodies for {@link FuzzRequests}: JSON good and bad, multipart good, hostile and broken, random bytes. */
final class FuzzBodies {

    /** A body and the content type it claims. */
    record Body(String contentType, byte[] bytes) {
    }

    static final List<String> HOSTILE_NAMES = List.of("../../etc/passwd", "a/b", "C:\\evil.exe", "..", ".",
            "nul\u0000.txt", "cr\rlf\n.txt", "\u0007bell", "c1\u0085", "rtl\u202Egpj.exe", "z\u200Bw", "p\u0430ypal",
            "x".repeat(4096), "отчёт.pdf", "报告.docx", "\uD83D\uDE00.png", "%00.txt", "con", "\"quoted\".txt",
            "semi;colon.txt", "\uFEFFbom.txt", "\uD800lone", "");
    private static final List<String> FIELDS = List.of("probes", "force", "tags", "metadata", "file", "other");

    private final Random random;

    FuzzBodies(Random random) {
        this.random = random;
    }

    Body next() {
        return switch (random.nextInt(10)) {
            case 7, 8 -> new Body("application/json", utf8(fieldJson()));
            case 9 -> brokenMultipart();
            case 0, 1 -> new Body("application/json", utf8(json()));
            case 2, 3 -> multipart();
            case 6 -> upload();
            case 4 -> new Body("application/octet-stream", randomBytes(random.nextInt(4096)));
            default -> new Body("application/x-www-form-urlencoded", utf8("probes=clamav&force=" + UUID.randomUUID()));
        };
    }

    private String json() {
        return switch (random.nextInt(12)) {
            case 0 -> "{\"sha256\":[\"" + hex(64) + "\"]}";
            case 1 -> "{\"sha256\":[\"" + hex(64) + "\"],\"probes\":[\"clamav\"],\"force\":true,\"tags\":[\"t\"],"
                    + "\"metadata\":{\"a\":1}}";
            case 2 -> "{\"sha256\":" + "[".repeat(random.nextInt(5000)) + "]";
            case 3 -> "{\"sha256\":[\"" + hex(random.nextInt(70)) + "\"],\"force\":\"maybe\"}";
            case 4 -> "{\"sha256\":[" + ("\"" + hex(64) + "\",").repeat(random.nextInt(300)) + "\"" + hex(64) + "\"]}";
            case 5 -> "{\"sha256\":null,\"probes\":[null,1,{}]}";
            case 6 -> "{\"sha256\":[\"" + hex(64) + "\"],\"probes\":[\"" + "n".repeat(random.nextInt(2000)) + "\"]}";
            case 7 -> "{\"sha256\":1e999999999}";
            case 8 -> random.nextBoolean() ? "[]" : "{\"sha256\":[\"" + hex(64) + "\"],\"tags\":[\"a\\u0000\"],"
                    + "\"metadata\":{\"k\\u0000\":\"\\u0000\"}}";
            case 9 -> "";
            case 10 -> "{\"sha256\":[\"" + hex(64) + "\"],\"metadata\":\"" + "m".repeat(random.nextInt(
                    random.nextInt(20) == 0 ? 1_500_000 : 100_000)) + "\"}";
            default -> new String(randomBytes(random.nextInt(300)), StandardCharsets.ISO_8859_1);
        };
    }

    /**
     * JSON for the other routes (labels, keys, users, webhooks, rescans) with hostile values: NUL, bidi and
     * zero-width characters, CR/LF, huge numbers, wrong types, deep nesting.
     */
    private String fieldJson() {
        String field = List.of("label", "source", "name", "username", "role", "url", "description", "events", "probes",
                "tags", "sha256", "force", "passwords", "metadata").get(random.nextInt(14));
        String value = switch (random.nextInt(10)) {
            case 0 -> "\"a\\u0000b\"";
            case 1 -> "\"inv\u202Eoice\u200B\"";
            case 2 -> "\"line\\r\\nFORGED\"";
            case 3 -> "1" + "0".repeat(random.nextInt(400));
            case 4 -> "-1e309";
            case 5 -> "[" + "{\"a\":".repeat(random.nextInt(300)) + "1" + "}".repeat(random.nextInt(300)) + "]";
            case 6 -> random.nextBoolean() ? "true" : "null";
            case 7 -> "{\"x\":[1,\"2\",{}]}";
            case 8 -> "\"" + "s".repeat(random.nextInt(5000)) + "\"";
            default -> "\"" + hex(8) + "\"";
        };
        String other = random.nextBoolean() ? ",\"label\":\"malicious\",\"name\":\"k\",\"url\":\"https://example.com/h\""
                : "";
        return "{\"" + field + "\":" + value + other + "}";
    }

    /** A multipart body broken on purpose: no closing boundary, a huge part header, no name, a hostile filename. */
    private Body brokenMultipart() {
        String boundary = "brk" + Integer.toHexString(random.nextInt());
        String body = switch (random.nextInt(6)) {
            case 0 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc";
            case 1 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\nX-Big: "
                    + "h".repeat(random.nextInt(40_000)) + "\r\n\r\nabc\r\n--" + boundary + "--\r\n";
            case 2 -> "--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--" + boundary + "--\r\n";
            case 3 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000\r\n.exe"
                    + "\"\r\n\r\nabc\r\n--" + boundary + "--\r\n";
            case 4 -> "--" + boundary + "--\r\n";
            default -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%E2%80%AEexe.txt"
                    + "\r\n\r\nabc\r\n--" + boundary + "--\r\n";
        };
        String contentType = "multipart/form-data; boundary=" + (random.nextInt(5) == 0 ? "other" : boundary);
        return new Body(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private Body multipart() {
        String boundary = random.nextInt(10) == 0 ? "" : "fuzz" + Integer.toHexString(random.nextInt());
        MultipartBody body = new MultipartBody(boundary);
        for (int i = random.nextInt(random.nextInt(20) == 0 ? 400 : 5); i >= 0; i--) {
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            if (random.nextBoolean() || field.equals("file")) {
                body.file(field, name(), randomBytes(random.nextInt(random.nextInt(10) == 0 ? 100_000 : 512)));
            } else {
                body.field(field, fieldValue(field));
            }
        }
        if (random.nextInt(8) == 0) {
            body.part("Content-Disposition: " + new String(randomBytes(40), StandardCharsets.ISO_8859_1) + "\r\n",
                    randomBytes(10));
        }
        byte[] bytes = random.nextInt(6) == 0 ? body.truncated(random.nextInt(2000)) : body.bytes();
        return new Body(body.contentType(), bytes);
    }

    /** An upload that is well-formed but for the values of its optional fields. */
    private Body upload() {
        MultipartBody body = new MultipartBody("fuzz-upload").file("file", "sample.bin", randomBytes(random.nextInt(64)));
        for (String field : List.of("tags", "metadata", "force")) {
            if (random.nextBoolean()) {
                body.field(field, fieldValue(field));
            }
        }
        return new Body(body.contentType(), body.bytes());
    }

    private String name() {
        return random.nextInt(3) == 0 ? HOSTILE_NAMES.get(random.nextInt(HOSTILE_NAMES.size()))
                : "sample-" + random.nextInt(1000) + ".bin";
    }

    private String fieldValue(String field) {
        return switch (field) {
            case "probes" -> random.nextBoolean() ? "clamav,yara" : "nope," + hex(4);
            case "force" -> random.nextInt(4) > 0 ? "true" : hex(3);
            case "metadata" -> switch (random.nextInt(3)) {
                case 0 -> "{\"k\":[1,2]}";
                case 1 -> "{\"nul\":\"\\u0000\"}";
                default -> "{" + hex(5);
            };
            default -> new String(randomBytes(random.nextInt(100)), StandardCharsets.UTF_8);
        };
    }

    private String hex(int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
