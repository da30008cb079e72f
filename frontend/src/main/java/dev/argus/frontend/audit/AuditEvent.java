package dev.argus.frontend.audit;

import java.time.Instant;

/**
 * One admin action, as the audit log keeps it.
 *
 * @param id     increasing number
 * @param at     when it was done
 * @param actor  who did it ({@value AuditLog#SYSTEM} for a scheduled job)
 * @param action what was done, a kebab-case verb such as {@code user-disabled} or {@code file-deleted}
 * @param target what it was done to (a username, a sha256, an override id)
 * @param detail anything else worth knowing (a new role, a reason, counts), or null
 */
public record AuditEvent(long id, Instant at, String actor, String action, String target, String detail) {
}
