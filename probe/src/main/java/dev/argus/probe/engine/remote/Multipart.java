package dev.argus.probe.engine.remote;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.file.Path;

/**
 * A multipart/form-data body with one file part, streamed from disk. The part's file name is the probe's temp
 * file name, never the user's file name.
 */
final class Multipart {

    private Multipart() {
    }

    static HttpRequest.BodyPublisher body(String boundary, String field, Path file) throws FileNotFoundException {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + file.getFileName() + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString(tail));
    }
}
