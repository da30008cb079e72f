package dev.argus.frontend.frontdoor.clamd;

import dev.argus.common.message.Category;
import dev.argus.frontend.scan.FileResultView;
import dev.argus.frontend.scan.ResultView;
import dev.argus.frontend.scan.ScanOptions;
import dev.argus.frontend.scan.ScanService;
import dev.argus.frontend.scan.ScanStatusChanged;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.scan.ScanViews;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Role;
import dev.argus.frontend.upload.UploadService;
import dev.argus.frontend.verdict.Verdict;
import jakarta.annotation.PreDestroy;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs a stream through Argus for the clamd front door: submits it as a scan of the configured user, waits for the
 * scan to end ({@link ScanStatusChanged}, delivered after commit; no polling) and turns the verdict on the streamed
 * file into clamd's answer. A waiter is registered before the scan is first read back, so a scan that ends in
 * between (or was answered from stored results at once) is not missed.
 */
@Component
class ClamdScans {

    private final UploadService uploads;
    private final ScanViews views;
    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    ClamdScans(UploadService uploads, ScanViews views) {
        this.uploads = uploads;
        this.views = views;
    }

    /**
     * Scans the stream and waits for its verdict.
     *
     * @return the scan as it ended, or empty when it did not end within {@code timeout}
     * @throws RuntimeException what the upload path throws: {@code ApiException}s (the limit, probes), broker and
     *                          database errors, {@link ChunkedStream.StreamTooLong}
     */
    Finished scan(InputStream stream, ClamdProperties properties, Duration timeout) throws InterruptedException {
        ScanOptions options = new ScanOptions(properties.probes(), false, properties.tags(), Map.of());
        ScanService.Created created = uploads.submit(stream, "stream", options, properties.username());
        UUID id = created.id();
        Caller owner = new Caller(properties.username(), Role.READER, null);
        if (!created.view().status().isActive()) { // answered from stored results
            return new Finished(id, Optional.of(read(id, owner)));
        }
        CompletableFuture<Void> ended = new CompletableFuture<>();
        waiting.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(ended);
        try {
            ScanView now = read(id, owner);
            if (!now.status().isActive()) {
                return new Finished(id, Optional.of(now));
            }
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Finished(id, Optional.of(read(id, owner)));
        } catch (TimeoutException e) {
            return new Finished(id, Optional.empty());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the wait for scan " + id + " failed", e.getCause());
        } finally {
            waiting.computeIfPresent(id, (key, set) -> {
                set.remove(ended);
                return set.isEmpty() ? null : set;
            });
        }
    }

    private ScanView read(UUID id, Caller owner) {
        return views.find(id, owner).orElseThrow(() -> new IllegalStateException("scan " + id + " is gone"));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ScanStatusChanged event) {
        if (event.status().isActive()) {
            return;
        }
        Set<CompletableFuture<Void>> woken = waiting.remove(event.scanId());
        if (woken != null) {
            woken.forEach(future -> future.complete(null));
        }
    }

    @PreDestroy
    void stop() {
        waiting.values().forEach(set -> set.forEach(future -> future.completeExceptionally(
                new IllegalStateException("Argus is shutting down"))));
        waiting.clear();
    }

    /**
     * A scan of a stream, with its state when it ended (empty: still running when the wait ended).
     *
     * @param id   the scan
     * @param scan the scan as read when it ended
     */
    record Finished(UUID id, Optional<ScanView> scan) {
    }

    /**
     * clamd's answer for a stream from the scan: {@code OK}, {@code <name> FOUND} or {@code <reason> ERROR}.
     * The verdict is the streamed file's, which already accounts for every file found inside it. A file no engine
     * reached a conclusion on, and a scan that was cancelled or failed, are errors: never a guessed OK.
     */
    static Answer answer(Finished finished, ClamdProperties.FoundOn foundOn) {
        if (finished.scan().isEmpty()) {
            return Answer.error("Argus scan " + finished.id() + " did not finish in time");
        }
        ScanView scan = finished.scan().get();
        if (scan.status().isActive()) {
            return Answer.error("Argus scan " + finished.id() + " did not finish in time");
        }
        Optional<FileResultView> streamed = scan.files().stream().filter(file -> file.depth() == 0).findFirst();
        Verdict verdict = streamed.map(FileResultView::verdict).orElse(null);
        if (verdict == null) {
            return Answer.error("Argus scan " + finished.id() + " ended " + scan.status().wireName()
                    + " without a verdict");
        }
        boolean found = verdict.label() == Verdict.Label.MALICIOUS
                || verdict.label() == Verdict.Label.SUSPICIOUS && foundOn == ClamdProperties.FoundOn.SUSPICIOUS;
        if (found) {
            return Answer.found(detectionName(scan, verdict.label()));
        }
        return switch (verdict.label()) {
            case CLEAN, SUSPICIOUS -> Answer.ok();
            default -> Answer.error("no Argus engine reached a conclusion on the stream (scan " + finished.id() + ")");
        };
    }

    /**
     * {@code Argus.<probe>.<threat>} for the first engine, in the scan's probe order, that named a threat of the
     * verdict's severity, on the streamed file or else a file found inside it; {@code Argus.Malicious} or
     * {@code Argus.Suspicious} when none named one.
     */
    static String detectionName(ScanView scan, Verdict.Label label) {
        List<Category> severities = label == Verdict.Label.MALICIOUS ? List.of(Category.MALICIOUS)
                : List.of(Category.MALICIOUS, Category.SUSPICIOUS);
        List<FileResultView> files = scan.files().stream()
                .sorted((a, b) -> Integer.compare(a.depth(), b.depth())).toList();
        for (FileResultView file : files) {
            for (String probe : scan.probes()) {
                ResultView result = file.results().get(probe);
                if (result != null && severities.contains(result.category()) && result.result() != null
                        && !result.result().isBlank()) {
                    return Answer.token("Argus." + probe + "." + result.result());
                }
            }
        }
        return label == Verdict.Label.MALICIOUS ? "Argus.Malicious" : "Argus.Suspicious";
    }

    /**
     * One answer to {@code INSTREAM}, without its terminator.
     *
     * @param text    the answer line
     * @param outcome ok, found, error or too-large, for the metrics
     * @param closes  true when the connection is closed after it (the rest of the stream is not read)
     */
    record Answer(String text, String outcome, boolean closes) {

        static Answer ok() {
            return new Answer("stream: OK", "ok", false);
        }

        static Answer found(String name) {
            return new Answer("stream: " + name + " FOUND", "found", false);
        }

        static Answer error(String reason) {
            return new Answer("stream: " + printable(reason) + " ERROR", "error", false);
        }

        /** clamd's answer to a stream over StreamMaxLength. */
        static Answer tooLarge() {
            return new Answer("INSTREAM size limit exceeded. ERROR", "too-large", true);
        }

        /** A name as one token: printable ASCII without spaces, at most 200 characters. */
        static String token(String name) {
            String token = printable(name).replace(' ', '_');
            return token.length() > 200 ? token.substring(0, 200) : token;
        }

        /** Printable ASCII only: no line breaks or NUL can end the answer early or forge another. */
        static String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
            return out.toString();
        }
    }
}
