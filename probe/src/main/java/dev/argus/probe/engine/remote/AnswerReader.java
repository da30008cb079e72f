package dev.argus.probe.engine.remote;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.configfile.Verdict;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Reads a service's JSON answers through the configured JSON Pointers: whether the job is finished, and the final
 * verdict, threat name and versions. Stateless and thread-safe.
 */
final class AnswerReader {

    /** Where a job stands. */
    enum State { RUNNING, DONE, FAILED }

    private final RemoteEngineSpec.Answer answer;
    private final String who;

    AnswerReader(RemoteEngineSpec.Answer answer, String who) {
        this.answer = answer;
        this.who = who;
    }

    /**
     * The job's state: DONE when answer.status holds one of answer.done (always DONE without answer.status),
     * FAILED for one of answer.failed, RUNNING otherwise.
     *
     * @throws TerminalEngineException when answer.status points at nothing
     */
    State state(JsonNode json) throws TerminalEngineException {
        if (answer.status() == null) {
            return State.DONE;
        }
        String status = required(json, answer.status(), "status");
        if (answer.done().contains(status)) {
            return State.DONE;
        }
        return answer.failed().contains(status) ? State.FAILED : State.RUNNING;
    }

    /** The service's own error message, for a failed job. */
    String error(JsonNode json) {
        String status = answer.status() == null ? null : text(json, answer.status()).orElse(null);
        String said = answer.error() == null ? null : text(json, answer.error()).orElse(null);
        return who + " reports the scan failed" + (status == null ? "" : " (status '" + status + "')")
                + (said == null ? "" : ": " + said);
    }

    /**
     * The outcome of a final answer.
     *
     * @param known the versions to report when the answer tells none
     * @throws TerminalEngineException when the verdict is missing or not mapped, or maps to failure-terminal
     * @throws EngineException         when the verdict maps to failure
     */
    ScanOutcome outcome(JsonNode json, EngineVersions known) throws EngineException {
        String value = required(json, answer.category(), "category");
        Verdict verdict = verdict(value);
        if (verdict.isFailure()) {
            String said = answer.error() == null ? null : text(json, answer.error()).orElse(null);
            String message = who + " answered '" + value + "'" + (said == null ? "" : ": " + said);
            throw verdict == Verdict.FAILURE ? new EngineException(message) : new TerminalEngineException(message);
        }
        Category category = verdict.category();
        String threat = answer.threat() == null ? null : text(json, answer.threat()).orElse(null);
        if (category == Category.UNDETECTED || category == Category.HARMLESS) {
            threat = null;
        }
        EngineVersions versions = versions(json, known);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verdict", value);
        return new ScanOutcome(category, threat, details, versions);
    }

    /** The versions an answer tells, each falling back to {@code known}. */
    EngineVersions versions(JsonNode json, EngineVersions known) {
        String engine = answer.engineVersion() == null ? null : text(json, answer.engineVersion()).orElse(null);
        String signatures = answer.signatureVersion() == null ? null
                : text(json, answer.signatureVersion()).orElse(null);
        return new EngineVersions(engine != null ? engine : known.engineVersion(),
                signatures != null ? signatures : known.signatureVersion());
    }

    private Verdict verdict(String value) throws TerminalEngineException {
        if (answer.categories().isEmpty()) {
            return Verdict.parse(value).orElseThrow(() -> new TerminalEngineException(who + " answered the verdict '"
                    + value + "', which is not one of " + Verdict.accepted() + "; map the service's words with"
                    + " answer.categories"));
        }
        Verdict verdict = answer.categories().get(value);
        if (verdict == null) {
            throw new TerminalEngineException(who + " answered the verdict '" + value + "', which"
                    + " answer.categories does not map (mapped: " + String.join(", ", answer.categories().keySet())
                    + ")");
        }
        return verdict;
    }

    private String required(JsonNode json, JsonPointer pointer, String what) throws TerminalEngineException {
        return text(json, pointer).orElseThrow(() -> new TerminalEngineException(who + "'s answer has no " + what
                + " at " + pointer + " (answer." + what + "): " + excerpt(json)));
    }

    /** The text at a pointer: a scalar as text, a structure as JSON; empty when missing or null. */
    static Optional<String> text(JsonNode json, JsonPointer pointer) {
        JsonNode node = json.at(pointer);
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String text = node.isValueNode() ? node.asString() : node.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static String excerpt(JsonNode json) {
        String text = json.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
