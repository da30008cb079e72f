package dev.argus.frontend.label;

import java.time.Instant;

/**
 * A label as the API shows it.
 *
 * @param sha256      the labelled file
 * @param label       malicious or benign
 * @param source      where the truth comes from, or null
 * @param labelledBy  the user who set it
 * @param labelledAt  when
 * @param current     false for a label that a later one replaced
 */
public record LabelView(String sha256, Truth label, String source, String labelledBy, Instant labelledAt,
                        boolean current) {
}
