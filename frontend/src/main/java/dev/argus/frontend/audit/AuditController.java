package dev.argus.frontend.audit;

import dev.argus.frontend.web.PageView;
import dev.argus.frontend.web.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/audit}: the audit log, newest first (ADMIN only, see the security rules). */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/audit")
    PageView<AuditEvent> list(@RequestParam(required = false) String action,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        PageRequest request = Paging.of(page, size, Sort.unsorted());
        String only = action == null || action.isBlank() ? null : action;
        return new PageView<>(audit.newest(only, (int) request.getOffset(), size), page, size, audit.count(only));
    }
}
