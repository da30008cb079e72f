package dev.argus.frontend.upload;

import dev.argus.common.store.FileStore;
import dev.argus.common.timing.StageTimer;
import dev.argus.frontend.catalog.NewFile;
import dev.argus.frontend.priority.WorkClasses;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.quota.Quotas;
import dev.argus.frontend.scan.CallbackUrlPolicy;
import dev.argus.frontend.scan.JobLimit;
import dev.argus.frontend.scan.ScanOptions;
import dev.argus.frontend.scan.ScanService;
import dev.argus.frontend.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a parsed upload into a scan: checks the form, resolves the probes, puts each distinct file on the file
 * store unless it is there already, then records the scan (which publishes {@code ScanRequested}). Validation
 * happens before anything is stored; files on the store are content-addressed, so one left by a later failure
 * is harmless and reused by the next upload of the same content.
 */
@Service
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    private final ProbeDirectory directory;
    private final FileStore store;
    private final ScanService scans;
    private final MultipartUploadReader reader;
    private final Counter filesUploaded;
    private final CallbackUrlPolicy callbacks;
    private final JobLimit jobLimit;
    private final Quotas quotas;
    private final WorkClasses workClasses;

    UploadService(ProbeDirectory directory, FileStore store, ScanService scans, MultipartUploadReader reader,
                  MeterRegistry registry, CallbackUrlPolicy callbacks, JobLimit jobLimit, Quotas quotas,
                  WorkClasses workClasses) {
        this.jobLimit = jobLimit;
        this.quotas = quotas;
        this.workClasses = workClasses;
        this.callbacks = callbacks;
        this.reader = reader;
        this.filesUploaded = Counter.builder("argus.files.uploaded")
                .description("Files received in uploads that became a scan (each part counted, duplicates included)")
                .register(registry);
        this.directory = directory;
        this.store = store;
        this.scans = scans;
    }

    /**
     * Scans the files of a multipart upload with the options of its form fields ({@link UploadForm}).
     *
     * @throws ApiException 400 when the upload has no file or a field is unfit, 404/409 for unknown or offline probes
     */
    public ScanService.Created submit(Upload upload, String owner) {
        if (upload.files().isEmpty()) {
            throw ApiException.badRequest("missing-file",
                    "the request has no file: send each file as a multipart part named '"
                            + MultipartUploadReader.FILE_FIELD + "'");
        }
        return submit(upload, UploadForm.options(upload.fields()), owner);
    }

    /**
     * Scans one file read from a stream, for the front doors that are not the multipart form (the clamd protocol,
     * say): the stream is spooled under the upload limit, hashed and typed like a form's file part, stored, and the
     * spooled copy deleted whatever happens. The caller closes the stream.
     *
     * @param name the client's name for the file, validated like a form's filename, or null
     * @throws ApiException 413 {@code file-too-large} past the upload limit (reading stops there), 400 for a bad
     *                      name, 404/409 for unknown or offline probes
     */
    public ScanService.Created submit(InputStream content, String name, ScanOptions options, String owner) {
        try (Upload upload = new Upload()) {
            upload.add(reader.readStream(content, name));
            return submit(upload, options, owner);
        }
    }

    private ScanService.Created submit(Upload upload, ScanOptions options, String owner) {
        List<String> probes = directory.resolve(options.probes());
        if (options.callbackUrl() != null) {
            callbacks.check(options.callbackUrl(), owner); // before anything is stored; ScanService checks again
        }
        Map<String, UploadedFile> distinct = new LinkedHashMap<>();
        upload.files().forEach(file -> distinct.putIfAbsent(file.content().sha256(), file));
        jobLimit.check(distinct.size(), probes.size()); // before anything is stored; ScanService checks again
        // bulk work past an engine's backlog bound: 503 before anything is stored; ScanService checks again
        workClasses.admit(workClasses.classify(options.priority(), distinct.size()), probes);
        // before anything is stored; ScanService counts the scan against every quota in its transaction
        quotas.checkUpload(owner, distinct.values().stream().mapToLong(f -> f.content().size()).sum());
        distinct.values().forEach(this::storeIfAbsent);
        // every file with its name: the scan keeps one row per content, and the other names that content had
        List<NewFile> files = upload.files().stream()
                .map(f -> new NewFile(f.content().sha256(), f.content().md5(), f.content().sha1(), f.content().size(),
                        f.mimeType(), f.name()))
                .toList();
        long start = StageTimer.start();
        ScanService.Created scan = scans.createAndDescribe(files, probes, options, owner);
        StageTimer.stop("frontend.scan-create", start);
        filesUploaded.increment(upload.files().size());
        return scan;
    }

    private void storeIfAbsent(UploadedFile file) {
        String sha256 = file.content().sha256();
        if (store.exists(sha256)) {
            log.debug("sha256 {} is already on the file store", sha256.substring(0, 12));
            return;
        }
        try (InputStream in = Files.newInputStream(file.content().path())) {
            store.store(sha256, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spooled upload " + file.content().path(), e);
        }
        log.debug("stored sha256 {} ({} bytes, {}) on the file store", sha256.substring(0, 12), file.content().size(),
                file.mimeType());
    }
}
