package dev.argus.frontend.scan;

import dev.argus.common.message.ResultReuse;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.probe.ProbeView;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Marks stored results {@code stale} against the probes' current engine and signature versions (the rule is
 * {@link ResultReuse#stale}, the same that keeps such results from being reused), for the scan and file views.
 * A result of a probe the directory does not know is left as it is. Thread-safe.
 */
@Component
public class StaleResults {

    private final ProbeDirectory directory;

    StaleResults(ProbeDirectory directory) {
        this.directory = directory;
    }

    /** A marker for one view: it reads the directory once. */
    public Marker marker() {
        Map<String, ProbeView> current = directory.list().stream()
                .collect(Collectors.toMap(ProbeView::name, Function.identity(), (a, b) -> a));
        return (probe, result) -> {
            ProbeView now = current.get(probe);
            return now == null ? result : result.withStale(ResultReuse.stale(now.engineVersion(),
                    now.signatureVersion(), result.engineVersion(), result.signatureVersion()));
        };
    }

    /** Marks one probe's stored result. */
    @FunctionalInterface
    public interface Marker {
        ResultView mark(String probe, ResultView result);
    }
}
