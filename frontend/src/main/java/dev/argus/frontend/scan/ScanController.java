package dev.argus.frontend.scan;

import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Callers;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.PageView;
import dev.argus.frontend.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The scan API besides uploads: read, list, cancel, and rescan by sha256 (the JSON form of
 * {@code POST /api/v1/scans}; the multipart form is the upload feature's).
 */
@RestController
class ScanController {

    private final ScanViews views;
    private final ScanService scans;
    private final Rescans rescans;
    private final ScanWaiters waiters;

    ScanController(ScanViews views, ScanService scans, Rescans rescans, ScanWaiters waiters) {
        this.views = views;
        this.scans = scans;
        this.rescans = rescans;
        this.waiters = waiters;
    }

    @GetMapping("/api/v1/scans/{id}")
    ScanView scan(@PathVariable UUID id) {
        return find(id, Callers.current());
    }

    /**
     * The long poll: the same answer as without {@code wait}, given once the scan is no longer active (finished,
     * cancelled, error) or when the wait ends, whichever comes first. No request thread waits meanwhile.
     */
    @Operation(summary = "Read a scan once it is no longer active, waiting at most 'wait' (500ms, 30s, 1m; "
            + "a bare number is seconds; at most 60 s)")
    @GetMapping(path = "/api/v1/scans/{id}", params = "wait")
    DeferredResult<ScanView> awaitScan(@PathVariable UUID id, @RequestParam String wait) {
        Duration timeout = ScanWaiters.parseWait(wait);
        Caller caller = Callers.current(); // the async answer is built off this request's thread
        return waiters.await(id, timeout, () -> find(id, caller));
    }

    @GetMapping("/api/v1/scans")
    PageView<ScanView> scans(@RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        ScanStatus wanted = status == null || status.isBlank() ? null : ScanStatus.parse(status, "status");
        return views.list(wanted, Callers.current(), Paging.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
    }

    @PostMapping("/api/v1/scans/{id}/cancel")
    ScanView cancel(@PathVariable UUID id) {
        Caller caller = Callers.current();
        find(id, caller); // 404 unless the caller may see the scan
        scans.cancel(id);
        return find(id, caller);
    }

    @Operation(summary = "Rescan stored files by sha256",
            responses = @ApiResponse(responseCode = "202", description = "scan recorded and queued; Location names it"))
    @PostMapping(path = "/api/v1/scans", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScanView> rescan(@RequestBody RescanRequest request) {
        Caller caller = Callers.current();
        ScanService.Created created = rescans.rescan(request, caller);
        return ResponseEntity.accepted().location(URI.create("/api/v1/scans/" + created.id())).body(created.view());
    }

    private ScanView find(UUID id, Caller caller) {
        return views.find(id, caller).orElseThrow(() -> ApiException.notFound("scan-not-found", "no scan with id " + id));
    }
}
