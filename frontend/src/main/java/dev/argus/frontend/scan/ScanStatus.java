package dev.argus.frontend.scan;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.argus.frontend.web.ApiException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The life of a scan; the wire and database form is lower-case. */
public enum ScanStatus {
    /** Recorded and sent to the brain. */
    QUEUED,
    /** The brain fanned it out, or a first result arrived. */
    RUNNING,
    /** Every (file, probe) result is in. */
    FINISHED,
    /** Cancelled by a client; results already in are kept. */
    CANCELLED,
    /** Given up on. */
    ERROR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True while results are still expected. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /** Parses a wire name, or a 400 problem naming the parameter. */
    public static ScanStatus parse(String value, String parameter) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("invalid-parameter", "parameter '" + parameter
                        + "' must be one of " + Arrays.stream(values()).map(ScanStatus::wireName)
                        .collect(Collectors.joining(", ")) + ", got '" + value + "'"));
    }

    /** True for the wire name of a status. */
    static boolean isWireName(String value) {
        return value != null && Arrays.stream(values()).anyMatch(s -> s.wireName().equals(value));
    }

    static ScanStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Maps the status column. */
    @Converter(autoApply = true)
    static class Column implements AttributeConverter<ScanStatus, String> {
        @Override
        public String convertToDatabaseColumn(ScanStatus status) {
            return status == null ? null : status.wireName();
        }

        @Override
        public ScanStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
