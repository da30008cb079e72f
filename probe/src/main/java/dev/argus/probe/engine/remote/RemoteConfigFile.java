package dev.argus.probe.engine.remote;

import java.util.List;
import java.util.Map;

/**
 * One HTTP scanning service's configuration file as written (YAML); {@link RemoteEngineSpecs} validates it. See
 * docs/engines/remote.md for every field.
 */
record RemoteConfigFile(
        String name,
        String displayName,
        String category,
        String mimeTypes,
        Map<String, String> variables,
        String mode,
        String healthUrl,
        Auth auth,
        Submit submit,
        Poll poll,
        Answer answer,
        Versions versions,
        String timeout,
        String requestTimeout,
        String connectTimeout,
        String maxAnswer) {

    /** A header sent with every request to the service, e.g. {@code Authorization: Bearer ${env:TOKEN}}. */
    record Auth(String header, String value) {
    }

    /**
     * How the file is sent, and where the submit answer says the job is.
     *
     * @param body            {@code multipart} (default) or {@code raw}
     * @param field           the multipart field holding the file, default {@code file}
     * @param contentType     the raw body's content type, default {@code application/octet-stream}
     * @param jobId           JSON Pointer to the job id, which fills {@code {jobId}} in the poll URL
     * @param statusUrl       JSON Pointer to the status URL
     * @param statusUrlHeader a response header holding the status URL, e.g. {@code Location}
     */
    record Submit(String url, String method, String body, String field, String contentType, String jobId,
                  String statusUrl, String statusUrlHeader) {
    }

    /** Where and how often to ask for the job's state. */
    record Poll(String url, String interval) {
    }

    /** JSON Pointers into the final answer (the poll answer, or the submit answer in synchronous mode). */
    record Answer(String status, List<String> done, List<String> failed, String category,
                  Map<String, String> categories, String threat, String engineVersion, String signatureVersion,
                  String error) {
    }

    /** An optional endpoint telling the engine and signature versions, asked on every heartbeat. */
    record Versions(String url, String engineVersion, String signatureVersion) {
    }
}
