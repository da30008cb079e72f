package dev.argus.probe.engine.remote;

import dev.argus.probe.engine.configfile.ConfigCheck;
import dev.argus.probe.engine.configfile.ConfigFiles;
import dev.argus.probe.engine.configfile.ConfigValues;
import dev.argus.probe.engine.configfile.EngineIdentity;
import dev.argus.probe.engine.configfile.Template;
import dev.argus.probe.engine.configfile.Verdict;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JsonPointer;

/** Reads and validates one HTTP scanning service file into a {@link RemoteEngineSpec}, recording every problem. */
final class RemoteEngineSpecs {

    static final String JOB_ID_SLOT = "jobId";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    static final DataSize DEFAULT_MAX_ANSWER = DataSize.ofMegabytes(1);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.\\[\\]-]+");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+"
            + "(\\s*;\\s*[A-Za-z0-9_-]+=[A-Za-z0-9_.\"-]+)*");

    private RemoteEngineSpecs() {
    }

    /** @return the spec, or empty when {@code check} recorded a problem */
    static Optional<RemoteEngineSpec> read(Path file, Map<String, Map<String, String>> overrides,
                                           Function<String, String> environment, ConfigCheck check) {
        return ConfigFiles.read(file, RemoteConfigFile.class, check)
                .map(raw -> validate(file, raw, overrides.get(raw.name()), environment, check))
                .filter(spec -> check.ok());
    }

    static RemoteEngineSpec validate(Path file, RemoteConfigFile raw, Map<String, String> overrides,
                                     Function<String, String> environment, ConfigCheck check) {
        EngineIdentity identity = EngineIdentity.check(raw.name(), raw.displayName(), raw.category(),
                raw.mimeTypes(), check);
        ConfigValues values = new ConfigValues(raw.variables(), overrides, environment, check);
        boolean synchronous = mode(raw, check);
        RemoteConfigFile.Submit rawSubmit = check.required("submit", raw.submit());
        RemoteEngineSpec.Submit submit = rawSubmit == null ? null : submit(rawSubmit, synchronous, values, check);
        URI service = submit == null ? null : origin(submit.url());
        Template health = url("healthUrl", raw.healthUrl(), Set.of(), values, check);
        RemoteEngineSpec.Poll poll = synchronous ? null : poll(raw.poll(), submit, values, check);
        RemoteEngineSpec.Answer answer = answer(check.required("answer", raw.answer()), synchronous, check);
        RemoteEngineSpec.Versions versions = versions(raw.versions(), values, check);
        AuthHeader auth = auth(raw.auth(), values, check);
        Duration timeout = values.duration("timeout", raw.timeout(), DEFAULT_TIMEOUT, Duration.ofMillis(100),
                Duration.ofHours(6), check);
        Duration requestTimeout = values.duration("requestTimeout", raw.requestTimeout(), DEFAULT_REQUEST_TIMEOUT,
                Duration.ofMillis(100), Duration.ofHours(1), check);
        Duration connectTimeout = values.duration("connectTimeout", raw.connectTimeout(), DEFAULT_CONNECT_TIMEOUT,
                Duration.ofMillis(100), Duration.ofMinutes(5), check);
        long maxAnswer = values.dataSize("maxAnswer", raw.maxAnswer(), DEFAULT_MAX_ANSWER, DataSize.ofKilobytes(1),
                DataSize.ofMegabytes(64), check);
        return new RemoteEngineSpec(file, identity, service, health, auth, submit, poll, answer, versions, timeout,
                requestTimeout, connectTimeout, (int) maxAnswer, values.missingEnvironmentProblem());
    }

    private static boolean mode(RemoteConfigFile raw, ConfigCheck check) {
        if (raw.mode() == null) {
            return raw.poll() == null;
        }
        return switch (raw.mode().strip().toLowerCase(Locale.ROOT)) {
            case "sync" -> {
                if (raw.poll() != null) {
                    check.fail("poll", "is set but mode is sync: the submit answer is final, nothing is polled");
                }
                yield true;
            }
            case "async" -> false;
            default -> {
                check.fail("mode", "is '" + raw.mode() + "', not sync (the submit answer is the result) or async"
                        + " (submit, then poll)");
                yield raw.poll() == null;
            }
        };
    }

    private static RemoteEngineSpec.Submit submit(RemoteConfigFile.Submit raw, boolean synchronous,
                                                  ConfigValues values, ConfigCheck check) {
        Template url = url("submit.url", check.required("submit.url", raw.url()), Set.of(), values, check);
        String method = raw.method() == null ? "POST" : raw.method().strip().toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("PUT")) {
            check.fail("submit.method", "is '" + raw.method() + "'; a file is sent with POST or PUT");
        }
        String body = raw.body() == null ? "multipart" : raw.body().strip().toLowerCase(Locale.ROOT);
        if (!body.equals("multipart") && !body.equals("raw")) {
            check.fail("submit.body", "is '" + raw.body() + "', not multipart (a form upload) or raw (the file as"
                    + " the request body)");
        }
        String field = raw.field() == null ? "file" : raw.field().strip();
        if (!FIELD.matcher(field).matches()) {
            check.fail("submit.field", "'" + field + "' is not a usable form field name (letters, digits, _ . - [ ])");
        }
        String contentType = raw.contentType() == null ? "application/octet-stream" : raw.contentType().strip();
        if (!CONTENT_TYPE.matcher(contentType).matches()) {
            check.fail("submit.contentType", "'" + contentType + "' is not a media type such as"
                    + " application/octet-stream");
        }
        JsonPointer jobId = pointer("submit.jobId", raw.jobId(), check);
        JsonPointer statusUrl = pointer("submit.statusUrl", raw.statusUrl(), check);
        String header = raw.statusUrlHeader() == null ? null : raw.statusUrlHeader().strip();
        if (header != null && !TOKEN.matcher(header).matches()) {
            check.fail("submit.statusUrlHeader", "'" + header + "' is not a header name");
        }
        long ways = java.util.stream.Stream.of(raw.jobId(), raw.statusUrl(), raw.statusUrlHeader())
                .filter(value -> value != null).count();
        if (synchronous && ways > 0) {
            check.fail("submit", "names where the job is (jobId, statusUrl or statusUrlHeader) but the mode is"
                    + " sync; remove them or add a poll section");
        } else if (!synchronous && ways != 1) {
            check.fail("submit", "must say where the job is with exactly one of jobId (a JSON Pointer to the job"
                    + " id), statusUrl (a JSON Pointer to the status URL) or statusUrlHeader (e.g. Location)");
        }
        return new RemoteEngineSpec.Submit(url, method, body.equals("multipart"), field, contentType, jobId,
                statusUrl, header);
    }

    private static RemoteEngineSpec.Poll poll(RemoteConfigFile.Poll raw, RemoteEngineSpec.Submit submit,
                                              ConfigValues values, ConfigCheck check) {
        if (raw == null) {
            check.fail("poll", "is missing: mode async needs poll.url (with {jobId}) or a status URL from the"
                    + " submit answer, and poll.interval");
            return null;
        }
        Duration interval = values.duration("poll.interval", raw.interval(), DEFAULT_POLL_INTERVAL,
                Duration.ofMillis(10), Duration.ofMinutes(10), check);
        boolean byJobId = submit != null && submit.jobId() != null;
        if (byJobId && raw.url() == null) {
            check.fail("poll.url", "is missing: submit.jobId is set, so the status URL is poll.url with {jobId}");
        }
        if (!byJobId && raw.url() != null) {
            check.fail("poll.url", "is set but the status URL comes from the submit answer; remove poll.url or"
                    + " use submit.jobId");
        }
        int before = check.problems().size();
        Template url = url("poll.url", raw.url(), Set.of(JOB_ID_SLOT), values, check);
        if (url != null && byJobId && !url.uses(JOB_ID_SLOT) && check.problems().size() == before) {
            check.fail("poll.url", "never uses {jobId}");
        }
        return new RemoteEngineSpec.Poll(url, interval);
    }

    private static RemoteEngineSpec.Answer answer(RemoteConfigFile.Answer raw, boolean synchronous,
                                                  ConfigCheck check) {
        if (raw == null) {
            return null;
        }
        JsonPointer status = pointer("answer.status", raw.status(), check);
        Set<String> done = texts(raw.done());
        Set<String> failed = texts(raw.failed());
        if (!synchronous && status == null) {
            check.fail("answer.status", "is missing: mode async needs the JSON Pointer to the job's state, and"
                    + " answer.done listing the values that mean finished");
        }
        if (status != null && done.isEmpty()) {
            check.fail("answer.done", "is missing: list the answer.status values that mean the result is final,"
                    + " e.g. [done] or [true]");
        }
        JsonPointer category = pointer("answer.category", check.required("answer.category", raw.category()),
                check);
        Map<String, Verdict> categories = new LinkedHashMap<>();
        if (raw.categories() != null) {
            raw.categories().forEach((value, verdict) -> {
                Optional<Verdict> parsed = Verdict.parse(verdict);
                if (parsed.isEmpty()) {
                    check.fail("answer.categories." + value, "is '" + verdict + "', not one of "
                            + Verdict.accepted());
                } else {
                    categories.put(value, parsed.get());
                }
            });
        }
        return new RemoteEngineSpec.Answer(status, done, failed, category, categories,
                pointer("answer.threat", raw.threat(), check),
                pointer("answer.engineVersion", raw.engineVersion(), check),
                pointer("answer.signatureVersion", raw.signatureVersion(), check),
                pointer("answer.error", raw.error(), check));
    }

    private static RemoteEngineSpec.Versions versions(RemoteConfigFile.Versions raw, ConfigValues values,
                                                      ConfigCheck check) {
        if (raw == null) {
            return null;
        }
        Template url = url("versions.url", check.required("versions.url", raw.url()), Set.of(), values, check);
        JsonPointer engine = pointer("versions.engineVersion", raw.engineVersion(), check);
        JsonPointer signatures = pointer("versions.signatureVersion", raw.signatureVersion(), check);
        if (engine == null && signatures == null) {
            check.fail("versions", "names no JSON Pointer: set versions.engineVersion, versions.signatureVersion"
                    + " or both");
        }
        return new RemoteEngineSpec.Versions(url, engine, signatures);
    }

    private static AuthHeader auth(RemoteConfigFile.Auth raw, ConfigValues values, ConfigCheck check) {
        if (raw == null) {
            return null;
        }
        String header = check.required("auth.header", raw.header());
        if (header != null && !TOKEN.matcher(header.strip()).matches()) {
            check.fail("auth.header", "'" + header + "' is not a header name");
        }
        String value = check.required("auth.value", raw.value());
        if (value != null && !value.contains("${env:")) {
            check.fail("auth.value", "holds the secret itself; write it as ${env:NAME} (e.g. Bearer ${env:TOKEN})"
                    + " and set the environment variable, so no secret is stored in a file");
        }
        String resolved = value == null ? null : values.resolve("auth.value", value, check);
        if (resolved != null && (resolved.contains("\r") || resolved.contains("\n"))) {
            check.fail("auth.value", "resolves to a value with a line break");
        }
        return header == null ? null : new AuthHeader(header.strip(), resolved);
    }

    private static Template url(String field, String text, Set<String> slots, ConfigValues values,
                                ConfigCheck check) {
        if (text == null) {
            return null;
        }
        int before = check.problems().size();
        Template template = values.template(field, text, slots, check);
        if (check.problems().size() > before) {
            return template;
        }
        Map<String, String> sample = new LinkedHashMap<>();
        slots.forEach(slot -> sample.put(slot, "job-1"));
        try {
            URI uri = new URI(template.expand(sample));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                check.fail(field, "'" + text + "' is not an absolute http:// or https:// URL");
            }
        } catch (URISyntaxException e) {
            check.fail(field, "'" + text + "' is not a valid URL (" + e.getReason() + ")");
        }
        return template;
    }

    /** {@code scheme://host:port} of a URL, the port made explicit. */
    static URI origin(Template url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.text());
            if (uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT), null, uri.getHost(), port, null, null, null);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static JsonPointer pointer(String field, String text, ConfigCheck check) {
        if (text == null) {
            return null;
        }
        try {
            JsonPointer pointer = JsonPointer.compile(text.strip());
            if (pointer.matches()) {
                check.fail(field, "is the empty JSON Pointer, the whole answer; point at a field, e.g. /status");
                return null;
            }
            return pointer;
        } catch (IllegalArgumentException e) {
            check.fail(field, "'" + text + "' is not a JSON Pointer (RFC 6901): write e.g. /status or /result/verdict");
            return null;
        }
    }

    private static Set<String> texts(List<String> values) {
        Set<String> texts = new LinkedHashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null).map(String::strip).forEach(texts::add);
        }
        return texts;
    }
}
