package dev.argus.frontend.override;

import dev.argus.frontend.audit.AuditLog;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.LogSafe;
import dev.argus.frontend.web.TextRules;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets, lists and lifts overrides; every change is audited in its transaction. */
@Service
public class Overrides {

    /** The longest reason. */
    static final int MAX_REASON = 500;
    /** The longest threat name. */
    static final int MAX_THREAT = 300;

    private static final Logger log = LoggerFactory.getLogger(Overrides.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ENGINE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final OverrideStore store;
    private final OverrideBook book;
    private final AuditLog audit;

    Overrides(OverrideStore store, OverrideBook book, AuditLog audit) {
        this.store = store;
        this.book = book;
        this.audit = audit;
    }

    /** Sets an override (400 for an invalid one, 409 when one already covers the same file or pair). */
    @Transactional
    public VerdictOverride set(OverrideRequest request, Caller by) {
        if (request == null) {
            throw ApiException.badRequest("invalid-field", "a JSON body with 'action' and 'reason' is required");
        }
        OverrideAction action = request.action() == null ? null
                : OverrideAction.fromWireName(request.action()).orElse(null);
        if (action == null) {
            throw ApiException.badRequest("invalid-field", "field 'action' must be allow, block or false-positive");
        }
        String reason = text("reason", request.reason(), MAX_REASON);
        String sha256 = null;
        String engine = null;
        String threat = null;
        if (action.onFile()) {
            if (request.engine() != null || request.threat() != null) {
                throw ApiException.badRequest("invalid-field",
                        "action '" + action.wireName() + "' takes 'sha256', not 'engine' or 'threat'");
            }
            sha256 = request.sha256() == null ? "" : request.sha256().strip().toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(sha256).matches()) {
                throw ApiException.badRequest("invalid-field", "field 'sha256' must be 64 hexadecimal digits");
            }
        } else {
            if (request.sha256() != null) {
                throw ApiException.badRequest("invalid-field",
                        "action 'false-positive' takes 'engine' and 'threat', not 'sha256'");
            }
            engine = request.engine() == null ? "" : request.engine().strip();
            if (!ENGINE.matcher(engine).matches()) {
                throw ApiException.badRequest("invalid-field",
                        "field 'engine' must be a probe name: 1 to 64 of a-z, 0-9, '.', '_', '-'");
            }
            threat = text("threat", request.threat(), MAX_THREAT);
        }
        store.sameTarget(sha256, engine, threat).ifPresent(existing -> {
            throw ApiException.conflict("override-exists", "override " + existing.id()
                    + " already covers this; lift it first").with("id", existing.id());
        });
        VerdictOverride override;
        try {
            override = store.insert(sha256, engine, threat, action, reason, by.username(), Instant.now());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("override-exists", "another override covering this was set just now; "
                    + "lift it first");
        }
        audit.record(by, "override-set", target(override), action.wireName() + ": " + reason);
        book.changed();
        log.info("override {} set by {}: {} {}", override.id(), by.username(), action.wireName(),
                LogSafe.text(target(override)));
        return override;
    }

    /** Every override in force, newest first. */
    @Transactional(readOnly = true)
    public List<VerdictOverride> list() {
        return store.all();
    }

    /** Lifts an override (404 when there is none with this id). */
    @Transactional
    public void lift(long id, Caller by) {
        VerdictOverride override = store.find(id).orElseThrow(() -> ApiException.notFound("override-not-found",
                "no override with id " + id));
        store.delete(id);
        audit.record(by, "override-lifted", target(override), override.action().wireName() + ": "
                + override.reason());
        book.changed();
        log.info("override {} lifted by {}", id, by.username());
    }

    private static String target(VerdictOverride override) {
        return override.action().onFile() ? override.sha256() : override.engine() + " " + override.threat();
    }

    /** A required text field: trimmed, 1 to max characters, none of the refused characters. */
    private static String text(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw ApiException.badRequest("invalid-field", "field '" + field + "' must be 1 to " + max
                    + " characters");
        }
        TextRules.requireShowable(field, text);
        return text;
    }
}
