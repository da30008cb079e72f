package dev.argus.common.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of opening one container (the API's {@code extraction} object of a file).
 *
 * @param status  what became of it
 * @param detail  a readable sentence: the limit crossed, the format, why it failed; null when there is nothing to add
 * @param members how many members were read from it (stored ones and duplicates alike)
 */
public record Extraction(ExtractionStatus status, String detail, int members) {

    /**
     * The extraction engine's category for a container with this outcome, the one mapping the probe and the brain
     * use: {@code suspicious} when content it holds was not scanned ({@link ExtractionStatus#leavesContentUnscanned()}),
     * else {@code undetected} (opening a container says nothing about its content: the other engines judge that).
     */
    public Category category() {
        return status.leavesContentUnscanned() ? Category.SUSPICIOUS : Category.UNDETECTED;
    }

    /** The threat name that goes with {@link #category()}: e.g. {@code Argus.Extract.Encrypted}, or null. */
    public String threat() {
        return switch (status) {
            case ENCRYPTED -> "Argus.Extract.Encrypted";
            case LIMIT_EXCEEDED -> "Argus.Extract.LimitExceeded";
            case FAILED -> "Argus.Extract.Failed";
            case EXTRACTED, UNSUPPORTED -> null;
        };
    }

    /**
     * The outcome as an extraction result's {@code details}: {@code status}, {@code detail} (when there is one) and
     * {@code members}, in that order; the probe and the brain both report it so.
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status.wireName());
        if (detail != null) {
            details.put("detail", detail);
        }
        details.put("members", members);
        return details;
    }

    /** This outcome with its detail made safe ({@link EngineText}). */
    public Extraction sanitized() {
        return new Extraction(status, EngineText.clean(detail), Math.max(0, members));
    }
}
