package dev.argus.frontend.deadletter;

import dev.argus.common.json.ArgusJson;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the scans' passwords for encrypted containers out of the dead-letter store: in a parked JSON body every
 * {@code passwords} field (of a {@code ScanRequested}, of each job of a {@code ScanFiles}) is emptied before the
 * body is stored, so neither the API nor a database dump shows them. A replayed message then tries the extraction
 * engine's default passwords only. A body that is not JSON is kept as it is.
 */
final class PasswordRedaction {

    static final String FIELD = "passwords";

    private PasswordRedaction() {
    }

    /** The body without passwords; the same array when it holds none (or is no JSON). */
    static byte[] redacted(byte[] body) {
        if (body == null || body.length == 0 || body[0] != '{') {
            return body;
        }
        JsonNode tree;
        try {
            tree = ArgusJson.mapper().readTree(body);
        } catch (JacksonException notJson) {
            return body;
        }
        return emptyPasswords(tree) ? ArgusJson.mapper().writeValueAsBytes(tree) : body;
    }

    private static boolean emptyPasswords(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            JsonNode passwords = object.get(FIELD);
            if (passwords instanceof ArrayNode array && !array.isEmpty()) {
                array.removeAll();
                changed = true;
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                changed |= emptyPasswords(field.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                changed |= emptyPasswords(element);
            }
        }
        return changed;
    }
}
