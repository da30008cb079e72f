package dev.argus.probe.engine.remote;

import dev.argus.probe.engine.configfile.EngineIdentity;
import dev.argus.probe.engine.configfile.Template;
import dev.argus.probe.engine.configfile.Verdict;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonPointer;

/**
 * A validated HTTP scanning service configuration.
 *
 * @param file               where it was read from
 * @param identity           name, display name, category, mime filter
 * @param service            the service's origin ({@code scheme://host:port}), the only place credentials go
 * @param healthUrl          answered with 2xx when the service is up, or null
 * @param auth               the credentials header, or null
 * @param submit             how the file is sent
 * @param poll               how the result is awaited, or null in synchronous mode
 * @param answer             how the final answer is read
 * @param versions           where the versions are asked, or null to take them from answers
 * @param timeout            the limit for one file, submit to final answer
 * @param requestTimeout     the limit for one HTTP request
 * @param connectTimeout     the limit for opening a connection
 * @param maxAnswer          the largest answer body read, in bytes
 * @param missingEnvironment a sentence naming an unset environment variable the file uses, or null
 */
record RemoteEngineSpec(
        Path file,
        EngineIdentity identity,
        URI service,
        Template healthUrl,
        AuthHeader auth,
        Submit submit,
        Poll poll,
        Answer answer,
        Versions versions,
        Duration timeout,
        Duration requestTimeout,
        Duration connectTimeout,
        int maxAnswer,
        String missingEnvironment) {

    boolean synchronous() {
        return poll == null;
    }

    /**
     * @param url             the submit URL
     * @param method          {@code POST} or {@code PUT}
     * @param multipart       true for a multipart/form-data upload, false for the raw file as body
     * @param field           the multipart field name
     * @param contentType     the raw body's content type
     * @param jobId           where the job id is in the submit answer, or null
     * @param statusUrl       where the status URL is in the submit answer, or null
     * @param statusUrlHeader the response header holding the status URL, or null
     */
    record Submit(Template url, String method, boolean multipart, String field, String contentType,
                  JsonPointer jobId, JsonPointer statusUrl, String statusUrlHeader) {
    }

    /**
     * @param url      the status URL template with {@code {jobId}}, or null when the submit answer gives the URL
     * @param interval the pause between two polls
     */
    record Poll(Template url, Duration interval) {
    }

    /**
     * @param status           where the state is, or null (synchronous mode only: the answer is always final)
     * @param done             state values meaning the result is final
     * @param failed           state values meaning the service failed to scan (a retryable failure)
     * @param category         where the verdict is
     * @param categories       verdict values to verdicts; empty to accept the category names themselves
     * @param threat           where the threat name is, or null
     * @param engineVersion    where the engine version is, or null
     * @param signatureVersion where the signature version is, or null
     * @param error            where the service's error message is, or null
     */
    record Answer(JsonPointer status, Set<String> done, Set<String> failed, JsonPointer category,
                  Map<String, Verdict> categories, JsonPointer threat, JsonPointer engineVersion,
                  JsonPointer signatureVersion, JsonPointer error) {
    }

    /** The versions endpoint and where each version is in its answer. */
    record Versions(Template url, JsonPointer engineVersion, JsonPointer signatureVersion) {
    }
}
