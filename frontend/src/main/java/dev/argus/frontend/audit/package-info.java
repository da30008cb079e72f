/**
 * The audit log: who did which admin action to what, and when. Every feature that changes what other users see
 * (users and keys, deletion, overrides, model adoption, retention) records its action through
 * {@link dev.argus.frontend.audit.AuditLog}; admins read it at {@code GET /api/v1/admin/audit} and on the web UI's
 * audit page.
 */
package dev.argus.frontend.audit;
