package dev.argus.common.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** What became of one container when the extraction engine opened it; the wire form is lower-case. */
public enum ExtractionStatus {
    /** Every member was read and stored. */
    EXTRACTED("extracted", false),
    /** No password that was tried opened it (or a part of it): its content was not scanned. */
    ENCRYPTED("encrypted", true),
    /** A limit (depth, members, bytes, ratio, time) stopped the extraction: some content was not scanned. */
    LIMIT_EXCEEDED("limit-exceeded", true),
    /** Not a container format the engine reads. */
    UNSUPPORTED("unsupported", false),
    /** A container format the engine reads, but this file is damaged or malformed. */
    FAILED("failed", true);

    private final String wireName;
    private final boolean contentUnscanned;

    ExtractionStatus(String wireName, boolean contentUnscanned) {
        this.wireName = wireName;
        this.contentUnscanned = contentUnscanned;
    }

    /** The name used in JSON, the API and the database, e.g. {@code limit-exceeded}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * True when content the container holds was not scanned (encrypted, a limit, damage): the verdict fails closed on
     * it, at least {@code suspicious}, never {@code clean}.
     */
    public boolean leavesContentUnscanned() {
        return contentUnscanned;
    }

    /** Parses a wire name; throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static ExtractionStatus fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown extraction status '" + name
                        + "', expected one of " + Arrays.stream(values()).map(ExtractionStatus::wireName).toList()));
    }
}
