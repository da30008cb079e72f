package dev.argus.frontend.label;

import dev.argus.frontend.security.Caller;
import java.time.Instant;

/**
 * A label as the API shows it.
 *
 * @param sha256      the labelled file
 * @param label       malicious or benign
 * @param source      where the truth comes from, or null
 * @param labelledBy  the user who set it; shown only to admins and to that user, null for anyone else
 * @param labelledAt  when
 * @param current     false for a label that a later one replaced
 */
public record LabelView(String sha256, Truth label, String source, String labelledBy, Instant labelledAt,
                        boolean current) {

    /** The label as this caller may see it: who set it only for an admin and for the labeller. */
    public LabelView seenBy(Caller caller) {
        return caller.isAdmin() || caller.username().equals(labelledBy) ? this
                : new LabelView(sha256, label, source, null, labelledAt, current);
    }
}
