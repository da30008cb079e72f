package dev.argus.frontend.override;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An override in force, as the API shows it.
 *
 * @param id        its number, for {@code DELETE /api/v1/overrides/{id}}
 * @param sha256    the file, for allow and block; else null
 * @param engine    the probe whose detection is a false positive; else null
 * @param threat    the threat name it reported, exactly; else null
 * @param action    allow, block or false-positive
 * @param reason    why, as the admin wrote it
 * @param createdBy the admin who set it
 * @param createdAt when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerdictOverride(long id, String sha256, String engine, String threat, OverrideAction action,
                              String reason, String createdBy, Instant createdAt) {

    /** How a verdict explains it, e.g. {@code allow-listed by alice: vendor's signed installer}. */
    public String explanation() {
        String what = switch (action) {
            case ALLOW -> "allow-listed";
            case BLOCK -> "block-listed";
            case FALSE_POSITIVE -> engine + " " + threat + " marked a false positive";
        };
        return what + " by " + createdBy + ": " + reason;
    }
}
