package dev.argus.frontend.upload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed multipart upload: the spooled files, in request order, and the form fields. Closing it deletes
 * every temp file, whatever happened to the request.
 */
public final class Upload implements AutoCloseable {

    private final List<UploadedFile> files = new ArrayList<>();
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    void add(UploadedFile file) {
        files.add(file);
    }

    void addField(String name, String value) {
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    List<UploadedFile> files() {
        return files;
    }

    /** How many file parts the request had (duplicates included). */
    public int fileCount() {
        return files.size();
    }

    /** Form fields by name; a field sent several times has several values. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    @Override
    public void close() {
        files.forEach(file -> HashingSpooler.deleteQuietly(file.content().path()));
    }
}
