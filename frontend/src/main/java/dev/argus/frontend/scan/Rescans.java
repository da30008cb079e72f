package dev.argus.frontend.scan;

import dev.argus.frontend.UploadProperties;
import dev.argus.frontend.catalog.FileCatalog;
import dev.argus.frontend.catalog.Hash;
import dev.argus.frontend.catalog.NewFile;
import dev.argus.frontend.catalog.StoredFile;
import dev.argus.frontend.catalog.StoredFileRepository;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Rescans of files already in the catalogue, by sha256 (the JSON form of {@code POST /api/v1/scans}). A file
 * report is shared, so anyone who may scan may rescan a known hash; the new scan gets a file name only from the
 * caller's own earlier scans.
 */
@Component
public class Rescans {

    private final StoredFileRepository files;
    private final FileCatalog catalog;
    private final ProbeDirectory directory;
    private final ScanService scans;
    private final int maxFiles;

    Rescans(StoredFileRepository files, FileCatalog catalog, ProbeDirectory directory, ScanService scans,
            UploadProperties upload) {
        this.files = files;
        this.catalog = catalog;
        this.directory = directory;
        this.scans = scans;
        this.maxFiles = upload.maxFiles();
    }

    /** Validates the request (400 for a malformed hash, 404 naming unknown ones) and records the scan. */
    public ScanService.Created rescan(RescanRequest request, Caller caller) {
        if (request.sha256() == null || request.sha256().isEmpty()) {
            throw ApiException.badRequest("invalid-field", "field 'sha256' must list at least one sha256");
        }
        if (request.sha256().size() > maxFiles) {
            throw ApiException.badRequest("invalid-field",
                    "field 'sha256' lists " + request.sha256().size() + " files; at most " + maxFiles + " are allowed");
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (int i = 0; i < request.sha256().size(); i++) {
            hashes.add(Hash.sha256(request.sha256().get(i), "sha256[" + i + "]"));
        }
        // a rescan is bulk work (dev.argus.frontend.priority.WorkClasses)
        ScanOptions options = new ScanOptions(request.probes(), Boolean.TRUE.equals(request.force()), request.tags(),
                request.metadata(), request.passwords(), request.callbackUrl()).asBulk();
        // one hash (the usual rescan) by its key: Hibernate translates the IN query of findAllById on every call
        List<StoredFile> found = hashes.size() == 1 ? files.findById(hashes.iterator().next()).stream().toList()
                : files.findAllById(hashes);
        Map<String, StoredFile> known = found.stream()
                .collect(Collectors.toMap(StoredFile::sha256, Function.identity()));
        List<String> unknown = hashes.stream().filter(h -> !known.containsKey(h)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.notFound("file-not-found", "unknown sha256: " + String.join(", ", unknown))
                    .with("unknownHashes", unknown);
        }
        List<String> probes = directory.resolve(options.probes());
        Map<String, String> names = catalog.firstNames(hashes, caller.ownerFilter());
        List<NewFile> newFiles = new ArrayList<>();
        for (String sha256 : hashes) {
            StoredFile file = known.get(sha256);
            newFiles.add(new NewFile(sha256, file.md5(), file.sha1(), file.size(), file.mimeType(), names.get(sha256)));
        }
        return scans.createAndDescribe(newFiles, probes, options, caller.username());
    }
}
