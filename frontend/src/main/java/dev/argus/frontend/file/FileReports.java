package dev.argus.frontend.file;

import dev.argus.frontend.catalog.FileName;
import dev.argus.frontend.catalog.FileNameRepository;
import dev.argus.frontend.catalog.Hash;
import dev.argus.frontend.catalog.StoredFile;
import dev.argus.frontend.catalog.StoredFileRepository;
import dev.argus.frontend.scan.ResultView;
import dev.argus.frontend.scan.Scan;
import dev.argus.frontend.scan.ScanRepository;
import dev.argus.frontend.scan.ScanResult;
import dev.argus.frontend.scan.ScanResultRepository;
import dev.argus.frontend.scan.StaleResults;
import dev.argus.frontend.scan.Stats;
import dev.argus.frontend.verdict.Verdicts;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.PageView;
import dev.argus.frontend.web.Paging;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds file reports and runs file searches; names, tags and latest results load per page, not per file. Hashes,
 * results and stats are shared with every user; names, tags and the scans list come only from the caller's own
 * scans (an ADMIN sees all).
 */
@Service
public class FileReports {

    /** The most scans a file report lists. */
    static final int MAX_SCANS = 100;

    private final StoredFileRepository files;
    private final FileNameRepository names;
    private final FileSearchRepository search;
    private final ScanResultRepository results;
    private final ScanRepository scans;
    private final Verdicts verdicts;
    private final FileMembers members;
    private final StaleResults staleResults;

    FileReports(StoredFileRepository files, FileNameRepository names, FileSearchRepository search,
                ScanResultRepository results, ScanRepository scans, Verdicts verdicts, FileMembers members,
                StaleResults staleResults) {
        this.members = members;
        this.staleResults = staleResults;
        this.verdicts = verdicts;
        this.files = files;
        this.names = names;
        this.search = search;
        this.results = results;
        this.scans = scans;
    }

    /** The report of the file with this md5, sha1 or sha256 (400 for a malformed hash, 404 when unknown). */
    @Transactional(readOnly = true)
    public FileReport report(String hashText, Caller caller) {
        Hash hash = Hash.parse(hashText);
        StoredFile file = files.require(hash);
        Details details = details(List.of(file), caller.ownerFilter()).get(file.sha256());
        List<Scan> visible = caller.isAdmin() ? scans.findContaining(file.sha256(), Limit.of(MAX_SCANS))
                : scans.findContainingOwnedBy(file.sha256(), caller.username(), Limit.of(MAX_SCANS));
        List<FileReport.ScanRef> scanRefs = visible.stream()
                .map(s -> new FileReport.ScanRef(s.id(), s.createdAt(), s.status()))
                .toList();
        return new FileReport(file.sha256(), file.md5(), file.sha1(), file.size(), file.mimeType(), details.names(),
                details.tags(), file.firstSeen(), file.lastSeen(), Stats.of(details.results().values()),
                details.results(), scanRefs, details.results().isEmpty() ? null
                        : verdicts.judge(file.sha256(), details.results()),
                members.parents(file.sha256(), caller.ownerFilter()),
                members.children(file.sha256(), caller.ownerFilter()));
    }

    /** A page of files matching the query (see {@link FileQuery}). */
    @Transactional(readOnly = true)
    PageView<FileSummary> search(String queryText, int page, int size, Caller caller) {
        String owner = caller.ownerFilter();
        FileQuery query = FileQuery.parse(queryText);
        PageRequest pageable = Paging.of(page, size, Sort.unsorted());
        Page<StoredFile> found = switch (query.kind()) {
            case ALL -> search.findNewest(pageable);
            case TAG -> search.findByTag(query.value(), owner, pageable);
            case HASH_OR_NAME -> search.findByHashPrefixOrName(query.value() + "%", query.containsPattern(), owner,
                    pageable);
            case NAME -> search.findByName(query.containsPattern(), owner, pageable);
        };
        Map<String, Details> details = details(found.getContent(), owner);
        List<FileSummary> items = found.getContent().stream().map(file -> {
            Details d = details.get(file.sha256());
            return new FileSummary(file.sha256(), file.md5(), file.sha1(), file.size(), file.mimeType(), d.names(),
                    d.tags(), file.firstSeen(), file.lastSeen(), Stats.of(d.results().values()));
        }).toList();
        return new PageView<>(items, page, size, found.getTotalElements());
    }

    private Map<String, Details> details(List<StoredFile> page, String owner) {
        List<String> sha256s = page.stream().map(StoredFile::sha256).toList();
        Map<String, Details> details = new HashMap<>();
        sha256s.forEach(sha -> details.put(sha, new Details(new ArrayList<>(), new ArrayList<>(), new TreeMap<>())));
        if (sha256s.isEmpty()) {
            return details;
        }
        for (FileName name : names.findVisible(sha256s, owner)) {
            details.get(name.sha256()).names().add(name.name());
        }
        for (FileSearchRepository.FileTag tag : search.findTags(sha256s, owner)) {
            details.get(tag.getSha256()).tags().add(tag.getTag());
        }
        StaleResults.Marker stale = staleResults.marker();
        for (ScanResult result : results.findLatestPerProbe(sha256s)) {
            details.get(result.sha256()).results().put(result.probe(), stale.mark(result.probe(), result.view()));
        }
        return details;
    }

    private record Details(List<String> names, List<String> tags, Map<String, ResultView> results) {
    }
}
