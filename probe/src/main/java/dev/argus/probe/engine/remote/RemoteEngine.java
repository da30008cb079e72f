package dev.argus.probe.engine.remote;

import dev.argus.probe.engine.configfile.ConfiguredEngine;
import dev.argus.probe.engine.configfile.Template;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.FileNotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A private HTTP scanning service as its configuration file describes it: the file is uploaded (multipart or raw
 * body); in synchronous mode the answer is the result, in asynchronous mode the job's status URL (from a job id, a
 * URL in the answer or a header) is polled until the answer says done, within the engine's timeout. JSON Pointers
 * map the final answer to the verdict, threat name and versions. Thread-safe: the JDK HTTP client is shared, every
 * scan has its own requests.
 *
 * <p>A status URL the service gives (in its answer or a header) is followed only when it is on the service's own
 * origin (scheme, host, port) or on one of the allowed status origins ({@code argus.probe.remote.status-origins});
 * anything else fails the job with a terminal error before any request is sent, so a compromised or confused service
 * cannot make the probe fetch internal addresses.
 */
final class RemoteEngine extends ConfiguredEngine implements AutoCloseable {

    /** As for command-line engines, the probe's own timeout (same value) normally fires first. */
    static final Duration BACKSTOP = Duration.ofSeconds(1);

    private final RemoteEngineSpec spec;
    private final ServiceClient client;
    private final AnswerReader reader;
    private final Set<URI> statusOrigins;
    private volatile EngineVersions versions = EngineVersions.UNKNOWN;

    RemoteEngine(RemoteEngineSpec spec) {
        this(spec, Set.of());
    }

    /**
     * @param statusOrigins origins ({@code scheme://host:port}, as {@link RemoteEngineSpecs#origin} makes them)
     *                      besides the service's own where a status URL may point
     */
    RemoteEngine(RemoteEngineSpec spec, Set<URI> statusOrigins) {
        super(spec.identity(), "HTTP scanning service file " + spec.file());
        this.spec = spec;
        this.statusOrigins = Set.copyOf(statusOrigins);
        this.client = new ServiceClient(spec);
        this.reader = new AnswerReader(spec.answer(), spec.identity().displayName());
    }

    RemoteEngineSpec spec() {
        return spec;
    }

    /** The service's host and port accept connections (the health URL's when set, else the submit URL's). */
    @Override
    public List<EngineDependency> dependencies() {
        URI target = spec.healthUrl() != null ? RemoteEngineSpecs.origin(spec.healthUrl()) : spec.service();
        if (spec.missingEnvironment() != null || target == null) {
            return List.of(); // verify() names the problem
        }
        return List.of(new EngineDependency.SocketReachable(target.getHost(), target.getPort(),
                spec.connectTimeout()));
    }

    /** The credentials are set, the health URL (when configured) answers 2xx, and the versions can be read. */
    @Override
    public void verify() throws EngineException {
        if (spec.missingEnvironment() != null) {
            throw new EngineException(spec.missingEnvironment());
        }
        try {
            if (spec.healthUrl() != null) {
                client.send(client.request(uri(spec.healthUrl().text())).GET().build(), "health check", false);
            }
            refreshVersions();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(displayName() + ": interrupted during the health check", e);
        }
    }

    @Override
    public EngineVersions versions() {
        return versions;
    }

    /** Asks the versions URL when configured; otherwise the versions of the latest answer. */
    @Override
    public EngineVersions refreshVersions() throws EngineException {
        RemoteEngineSpec.Versions endpoint = spec.versions();
        if (endpoint == null) {
            return versions;
        }
        try {
            ServiceClient.Answer answer = client.send(client.request(uri(endpoint.url().text())).GET().build(),
                    "versions", false);
            JsonNode json = client.json(answer, "versions");
            EngineVersions known = versions;
            EngineVersions current = new EngineVersions(
                    endpoint.engineVersion() == null ? known.engineVersion()
                            : AnswerReader.text(json, endpoint.engineVersion()).orElse(known.engineVersion()),
                    endpoint.signatureVersion() == null ? known.signatureVersion()
                            : AnswerReader.text(json, endpoint.signatureVersion()).orElse(known.signatureVersion()));
            versions = current;
            return current;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(displayName() + ": interrupted while asking the versions", e);
        }
    }

    @Override
    public Duration timeout() {
        return spec.timeout();
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        long deadline = System.nanoTime() + spec.timeout().plus(BACKSTOP).toNanos();
        ServiceClient.Answer submitted = client.send(submitRequest(file), "submit",
                spec.submit().statusUrlHeader() != null);
        if (spec.synchronous()) {
            JsonNode json = client.json(submitted, "submit");
            if (reader.state(json) != AnswerReader.State.DONE) {
                throw failedOrUnfinished(json, "the synchronous answer is not final");
            }
            return learn(reader.outcome(json, versions));
        }
        URI status = statusUri(submitted);
        while (true) {
            Thread.sleep(spec.poll().interval());
            if (System.nanoTime() > deadline) {
                throw new EngineException(displayName() + " gave no final answer within "
                        + spec.timeout().toMillis() + " ms");
            }
            JsonNode json = client.json(client.send(client.request(status).GET().build(), "poll", false), "poll");
            AnswerReader.State state = reader.state(json);
            if (state == AnswerReader.State.DONE) {
                return learn(reader.outcome(json, versions));
            }
            if (state == AnswerReader.State.FAILED) {
                throw failedOrUnfinished(json, null);
            }
        }
    }

    private EngineException failedOrUnfinished(JsonNode json, String unfinished) {
        try {
            if (reader.state(json) == AnswerReader.State.FAILED) {
                return new EngineException(client.scrub(reader.error(json)));
            }
        } catch (TerminalEngineException e) {
            return e;
        }
        return new TerminalEngineException(displayName() + ": " + unfinished);
    }

    /** Keeps the versions an answer told, so that heartbeats report them when there is no versions URL. */
    private ScanOutcome learn(ScanOutcome outcome) {
        if (spec.versions() == null && !outcome.versions().equals(versions)) {
            versions = outcome.versions();
        }
        return outcome;
    }

    private HttpRequest submitRequest(Path file) throws EngineException {
        HttpRequest.BodyPublisher body;
        String contentType;
        try {
            if (spec.submit().multipart()) {
                String boundary = "argus-" + UUID.randomUUID();
                body = Multipart.body(boundary, spec.submit().field(), file);
                contentType = "multipart/form-data; boundary=" + boundary;
            } else {
                body = HttpRequest.BodyPublishers.ofFile(file);
                contentType = spec.submit().contentType();
            }
        } catch (FileNotFoundException e) {
            throw new TerminalEngineException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return client.request(uri(spec.submit().url().text()))
                .header("Content-Type", contentType)
                .method(spec.submit().method(), body)
                .build();
    }

    /** Where the job's state is, from the submit answer: a job id, a URL in the JSON, or a header. */
    private URI statusUri(ServiceClient.Answer submitted) throws EngineException {
        RemoteEngineSpec.Submit submit = spec.submit();
        URI submitUri = uri(submit.url().text());
        if (submit.statusUrlHeader() != null) {
            String location = submitted.header(submit.statusUrlHeader()).orElseThrow(() ->
                    new TerminalEngineException(displayName() + ": the submit answer (HTTP " + submitted.status()
                            + ") has no " + submit.statusUrlHeader() + " header (submit.statusUrlHeader)"));
            return resolve(submitUri, location);
        }
        JsonNode json = client.json(submitted, "submit");
        if (submit.statusUrl() != null) {
            String url = AnswerReader.text(json, submit.statusUrl()).orElseThrow(() -> missing(json,
                    submit.statusUrl().toString(), "submit.statusUrl"));
            return resolve(submitUri, url);
        }
        String jobId = AnswerReader.text(json, submit.jobId()).orElseThrow(() -> missing(json,
                submit.jobId().toString(), "submit.jobId"));
        String encoded = URLEncoder.encode(jobId, StandardCharsets.UTF_8).replace("+", "%20");
        return uri(spec.poll().url().expand(Map.of(RemoteEngineSpecs.JOB_ID_SLOT, encoded)));
    }

    private TerminalEngineException missing(JsonNode json, String pointer, String field) {
        String text = json.toString();
        return new TerminalEngineException(displayName() + ": the submit answer has nothing at " + pointer + " ("
                + field + "): " + client.scrub(text.length() > 200 ? text.substring(0, 200) + "..." : text));
    }

    private URI resolve(URI base, String location) throws TerminalEngineException {
        try {
            URI resolved = base.resolve(new URI(location.strip()));
            if (!"http".equalsIgnoreCase(resolved.getScheme()) && !"https".equalsIgnoreCase(resolved.getScheme())) {
                throw new URISyntaxException(location, "not an http(s) URL");
            }
            URI origin = RemoteEngineSpecs.origin(Template.literal(resolved.toString()));
            if (origin == null || !origin.equals(spec.service()) && !statusOrigins.contains(origin)) {
                throw new TerminalEngineException(displayName() + ": the status URL the service gave is on "
                        + (origin == null ? "no origin" : origin) + ", not on the service's origin "
                        + spec.service() + " nor in " + RemoteEngineSource.STATUS_ORIGINS_PROPERTY
                        + "; not followed");
            }
            return resolved;
        } catch (URISyntaxException e) {
            throw new TerminalEngineException(displayName() + ": the status URL '" + location + "' is not usable ("
                    + e.getReason() + ")", e);
        }
    }

    private static URI uri(String text) {
        return URI.create(text);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return origin();
    }
}
