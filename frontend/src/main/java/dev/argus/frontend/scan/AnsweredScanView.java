package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.Category;
import dev.argus.frontend.catalog.NewFile;
import dev.argus.frontend.verdict.Verdicts;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The view of a scan answered at once from stored results ({@link StoredAnswers}), built from the answers it
 * copied instead of re-reading the rows: finished, every file done with its results in the scan's probe order
 * and its verdict. It is what {@link ScanViews#find} returns for the scan once its transaction commits.
 */
final class AnsweredScanView {

    private AnsweredScanView() {
    }

    /**
     * @param files   the scan's distinct files, in request order
     * @param answers one answer per (file, probe) pair of the scan
     */
    static ScanView of(UUID id, Instant at, Collection<NewFile> files, List<String> probes, ScanOptions options,
                       List<StoredAnswers.StoredAnswer> answers, Verdicts verdicts) {
        Map<String, Map<String, StoredAnswers.StoredAnswer>> byFile = answers.stream().collect(Collectors.groupingBy(
                StoredAnswers.StoredAnswer::sha256, Collectors.toMap(StoredAnswers.StoredAnswer::probe, a -> a)));
        List<FileResultView> fileViews = files.stream().map(file -> {
            Map<String, ResultView> results = new LinkedHashMap<>();
            probes.forEach(probe -> results.put(probe, view(byFile.get(file.sha256()).get(probe))));
            return new FileResultView(file.sha256(), file.md5(), file.sha1(), file.size(), file.name(),
                    file.mimeType(), FileResultView.Status.DONE, Stats.of(results.values()), results,
                    verdicts.judge(file.sha256(), results));
        }).toList();
        int total = files.size() * probes.size();
        return new ScanView(id, ScanStatus.FINISHED, at, at, new Progress(total, total), List.copyOf(probes),
                options.force(), options.tags(), options.metadata(), fileViews);
    }

    @SuppressWarnings("unchecked")
    private static ResultView view(StoredAnswers.StoredAnswer answer) {
        Map<String, Object> details = answer.details() == null ? Map.of()
                : ArgusJson.mapper().readValue(answer.details(), Map.class);
        return new ResultView(Category.fromWireName(answer.category()), answer.result(), answer.engineVersion(),
                answer.signatureVersion(), answer.durationMs(), null, true, details);
    }
}
