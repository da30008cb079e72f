package dev.argus.common.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the wire contract: ISO-8601 instants, unknown properties ignored (so a newer
 * sender does not break an older receiver), nulls kept.
 */
public final class ArgusJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private ArgusJson() {
    }

    /** A shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Applies the contract's settings to a builder, e.g. one Spring Boot has already customised. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
