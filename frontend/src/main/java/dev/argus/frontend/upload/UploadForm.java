package dev.argus.frontend.upload;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.WorkClass;
import dev.argus.frontend.scan.ScanOptions;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.LogSafe;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Reads the form fields of an upload: {@code probes} and {@code tags} (comma-separated, may repeat),
 * {@code force} (true or false), {@code metadata} (a JSON object), {@code passwords} (one password per field,
 * may repeat: a password may hold a comma), {@code callbackUrl} (once) and {@code priority} ({@code interactive} or
 * {@code bulk}, once). Anything malformed is a 400 naming the field. Other fields are ignored.
 */
final class UploadForm {

    private UploadForm() {
    }

    static ScanOptions options(Map<String, List<String>> fields) {
        return new ScanOptions(
                csv(fields.get("probes")),
                force(single(fields, "force")),
                csv(fields.get("tags")),
                metadata(single(fields, "metadata")),
                fields.getOrDefault("passwords", List.of()),
                single(fields, "callbackUrl"),
                priority(single(fields, "priority")));
    }

    /** {@code interactive} or {@code bulk} (any case), null when absent; a 400 naming the field otherwise. */
    private static WorkClass priority(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        WorkClass workClass = WorkClass.fromWire(value);
        if (workClass == null) {
            throw ApiException.badRequest("invalid-field",
                    "field 'priority' must be interactive or bulk, got '" + LogSafe.text(value, 32) + "'");
        }
        return workClass;
    }

    private static List<String> csv(List<String> values) {
        return values == null ? List.of()
                : values.stream().flatMap(v -> Arrays.stream(v.split(","))).toList();
    }

    private static String single(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("invalid-field", "field '" + name + "' is given more than once");
        }
        return values.getFirst().strip();
    }

    private static boolean force(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("invalid-field",
                    "field 'force' must be true or false, got '" + value + "'");
        };
    }

    private static Map<String, Object> metadata(String value) {
        if (value == null || value.isEmpty()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = ArgusJson.mapper().readTree(value);
        } catch (JacksonException e) {
            throw ApiException.badRequest("invalid-field", "field 'metadata' is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("invalid-field", "field 'metadata' must be a JSON object");
        }
        return ArgusJson.mapper().convertValue(node, new TypeReference<Map<String, Object>>() { });
    }
}
