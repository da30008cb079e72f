package dev.argus.frontend.upload;

import dev.argus.common.fs.PrivateDirectory;
import dev.argus.common.timing.StageTimer;
import dev.argus.frontend.UploadProperties;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.DataSizes;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Parses a {@code multipart/form-data} request with commons-fileupload2's streaming item iterator (the Servlet
 * multipart support is off): each {@code file} part is read once, straight into a temp file while hashing, and
 * its mime type detected from the spooled content; form fields are kept as strings. On any failure every temp
 * file written so far is deleted before the exception leaves.
 */
@Component
public class MultipartUploadReader {

    private static final Logger log = LoggerFactory.getLogger(MultipartUploadReader.class);

    /** The part name that carries files. */
    static final String FILE_FIELD = "file";
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final int MAX_FIELDS = 64;
    /** Room for the longest accepted file name in UTF-8 (255 characters of up to 4 bytes) plus the other headers. */
    private static final int MAX_PART_HEADER_BYTES = 8 * 1024;
    private static final Duration LEFTOVER_AGE = Duration.ofHours(24);

    private final HashingSpooler spooler;
    private final MimeTypeDetector mimeTypes;
    private final DataSize maxFileSize;
    private final int maxFiles;
    private final RequestBodyGuard guard;

    MultipartUploadReader(UploadProperties properties, MimeTypeDetector mimeTypes) {
        Path directory = prepare(properties.tempDir());
        this.guard = new RequestBodyGuard(properties, directory);
        this.spooler = new HashingSpooler(directory, properties.maxFileSize().toBytes());
        this.mimeTypes = mimeTypes;
        this.maxFileSize = properties.maxFileSize();
        this.maxFiles = properties.maxFiles();
    }

    /**
     * Reads the whole request; the caller closes the result to delete the temp files. The request-wide limits of
     * {@link RequestBodyGuard} hold while reading: nothing is spooled when the request announces too many bytes or
     * the spool's disk is low, and reading stops at the first limit crossed.
     */
    public Upload read(HttpServletRequest request) {
        guard.admit(request.getContentLengthLong());
        JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> parser = new JakartaServletFileUpload<>();
        parser.setHeaderCharset(StandardCharsets.UTF_8);
        parser.setMaxPartHeaderSize(MAX_PART_HEADER_BYTES);
        Upload upload = new Upload();
        long start = StageTimer.start();
        try {
            FileItemInputIterator items = parser.getItemIterator(watched(request));
            int files = 0;
            int fields = 0;
            int parts = 0;
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (++parts > maxFiles + MAX_FIELDS) {
                    throw ApiException.contentTooLarge("too-many-parts", "at most " + (maxFiles + MAX_FIELDS)
                            + " multipart parts are accepted per request (" + maxFiles + " files and " + MAX_FIELDS
                            + " form fields)").with("maxParts", maxFiles + MAX_FIELDS);
                }
                if (FILE_FIELD.equals(item.getFieldName())) {
                    if (++files > maxFiles) {
                        throw ApiException.contentTooLarge("too-many-files",
                                "at most " + maxFiles + " files are accepted per request").with("maxFiles", maxFiles);
                    }
                    upload.add(readFile(item));
                } else if (item.isFormField()) {
                    if (++fields > MAX_FIELDS) {
                        throw ApiException.badRequest("malformed-multipart",
                                "at most " + MAX_FIELDS + " form fields are accepted per request");
                    }
                    upload.addField(item.getFieldName(), readField(item));
                }
                // any other file part is skipped unread by the iterator, and counts towards the parts limit
            }
            StageTimer.stop("frontend.upload-read", start);
            return upload;
        } catch (IOException | RequestReadException e) {
            upload.close();
            throw ApiException.badRequest("malformed-multipart",
                    "the multipart/form-data body could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    private UploadedFile readFile(FileItemInput item) throws IOException {
        String name = FileNames.keep(rawName(item));
        // Not closed on failure: closing an item stream reads the rest of the part, and an oversized file must
        // not be read any further.
        InputStream in = item.getInputStream();
        UploadedFile file = spool(in, name);
        in.close();
        return file;
    }

    /**
     * Spools one file given as a plain stream (the front doors that are not a multipart form), under the same limit,
     * name rules and type detection as a form's file part; the caller closes the stream.
     *
     * @param rawName the client's name for the file, kept like a part's filename (FileNames), or null
     */
    UploadedFile readStream(InputStream in, String rawName) {
        String name = FileNames.keep(rawName);
        guard.admit(-1);
        return spool(guard.watch(in), name);
    }

    private HttpServletRequest watched(HttpServletRequest request) {
        ServletInputStream body;
        try {
            body = request.getInputStream();
        } catch (IOException e) {
            throw new RequestReadException(e);
        }
        InputStream guarded = guard.watch(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return guarded.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return guarded.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("uploads are read blocking");
            }
        };
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return stream;
            }
        };
    }

    private UploadedFile spool(InputStream in, String name) {
        SpooledFile content;
        try {
            content = spooler.spool(in);
        } catch (FileTooLargeException e) {
            throw ApiException.contentTooLarge("file-too-large", "file " + (name == null ? "" : "'" + name + "' ")
                            + "is larger than the upload limit of " + DataSizes.describe(maxFileSize))
                    .with("maxFileSize", e.limit());
        }
        try {
            return new UploadedFile(content, name, mimeTypes.detect(content.path()));
        } catch (RuntimeException e) {
            HashingSpooler.deleteQuietly(content.path());
            throw e;
        }
    }

    private static String rawName(FileItemInput item) {
        try {
            return item.getName();
        } catch (InvalidPathException e) {
            // commons-fileupload refuses a name holding NUL before anyone may look at it
            throw FileNames.invalidNul();
        }
    }

    private static String readField(FileItemInput item) throws IOException {
        InputStream in = item.getInputStream();
        byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw ApiException.badRequest("invalid-field",
                    "field '" + item.getFieldName() + "' is longer than " + MAX_FIELD_BYTES + " bytes");
        }
        in.close();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Creates the temp directory owner-only (0700; one of another account is refused: {@link PrivateDirectory}) and
     * removes spool files a crashed process left behind.
     */
    private static Path prepare(Path directory) {
        try {
            PrivateDirectory.prepare(directory, "argus.upload.temp-dir");
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot create argus.upload.temp-dir " + directory
                    + ": set argus.upload.temp-dir to a writable directory", e.getCause());
        }
        Instant cutoff = Instant.now().minus(LEFTOVER_AGE);
        try (Stream<Path> leftovers = Files.list(directory)) {
            leftovers.filter(p -> p.getFileName().toString().startsWith(HashingSpooler.PREFIX))
                    .filter(p -> isOlderThan(p, cutoff))
                    .forEach(p -> {
                        log.info("deleting leftover upload spool file {}", p);
                        HashingSpooler.deleteQuietly(p);
                    });
        } catch (IOException e) {
            log.warn("cannot list {} for leftover spool files: {}", directory, e.getMessage());
        }
        return directory;
    }

    private static boolean isOlderThan(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }
}
