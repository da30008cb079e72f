package dev.argus.probe.engine.remote;

import dev.argus.probe.engine.configfile.Template;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls to one scanning service with the JDK client, turning every answer into either a body or an
 * {@link EngineException} a person can read: no answer in time, connection refused, 408, 429 and 5xx are
 * retryable; other 4xx, a body that is not JSON or an oversized body are terminal. The credentials header is added
 * only for the service's own origin and is scrubbed from every error text. Thread-safe.
 */
final class ServiceClient implements AutoCloseable {

    private static final int EXCERPT = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final RemoteEngineSpec spec;
    private final String who;

    ServiceClient(RemoteEngineSpec spec) {
        this.spec = spec;
        this.who = spec.identity().displayName();
        this.http = HttpClient.newBuilder()
                .connectTimeout(spec.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect must never carry the credentials away
                .build();
    }

    /** An answer with a 2xx (or, when allowed, 3xx) status. */
    record Answer(int status, HttpHeaders headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** A request builder for {@code uri}, with the credentials when it is the service's origin. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(spec.requestTimeout())
                .header("Accept", "application/json");
        if (spec.auth() != null && spec.auth().value() != null && sameOrigin(uri)) {
            builder.header(spec.auth().name(), spec.auth().value());
        }
        return builder;
    }

    /**
     * Sends a request.
     *
     * @param what          what the request does, for errors, e.g. {@code submit}
     * @param allowRedirect true when a 3xx answer is expected (its Location header is the status URL)
     */
    Answer send(HttpRequest request, String what, boolean allowRedirect)
            throws EngineException, InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new EngineException(who + ": cannot connect to " + where(request) + " for " + what + " within "
                    + spec.connectTimeout().toMillis() + " ms", e);
        } catch (HttpTimeoutException e) {
            throw new EngineException(who + ": no answer to " + what + " (" + request.method() + " "
                    + where(request) + ") within " + spec.requestTimeout().toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new EngineException(who + ": cannot connect to " + where(request) + " for " + what + ": "
                    + describe(e), e);
        } catch (IOException e) {
            throw new EngineException(who + ": " + what + " (" + request.method() + " " + where(request)
                    + ") failed: " + describe(e), e);
        }
        byte[] body = read(response, what);
        int status = response.statusCode();
        if (status >= 200 && status < 300 || allowRedirect && status >= 300 && status < 400) {
            return new Answer(status, response.headers(), body);
        }
        String said = excerpt(body);
        String message = who + ": " + what + " (" + request.method() + " " + where(request) + ") answered HTTP "
                + status + (said.isEmpty() ? "" : ": " + said);
        if (status == 408 || status == 429 || status >= 500) {
            throw new EngineException(message);
        }
        throw new TerminalEngineException(message);
    }

    /** Parses an answer body as JSON; anything else is a terminal failure. */
    JsonNode json(Answer answer, String what) throws TerminalEngineException {
        try {
            JsonNode node = JSON.readTree(answer.body());
            if (node == null || node.isMissingNode()) {
                throw new TerminalEngineException(who + ": the answer to " + what + " is empty, not JSON");
            }
            return node;
        } catch (JacksonException e) {
            throw new TerminalEngineException(who + ": the answer to " + what + " is not valid JSON ("
                    + firstLine(e.getOriginalMessage()) + "): " + excerpt(answer.body()), e);
        }
    }

    /** Removes the secret from a text shown to people. */
    String scrub(String text) {
        return spec.auth() == null ? text : spec.auth().scrub(text);
    }

    private byte[] read(HttpResponse<InputStream> response, String what) throws EngineException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(spec.maxAnswer() + 1);
            if (body.length > spec.maxAnswer()) {
                throw new TerminalEngineException(who + ": the answer to " + what + " is larger than "
                        + spec.maxAnswer() + " bytes (maxAnswer)");
            }
            return body;
        } catch (IOException e) {
            throw new EngineException(who + ": reading the answer to " + what + " failed: " + describe(e), e);
        }
    }

    private boolean sameOrigin(URI uri) {
        URI origin = RemoteEngineSpecs.origin(Template.literal(uri.toString()));
        return origin != null && origin.equals(spec.service());
    }

    /** Where a request went, without query string (it may carry a key). */
    private static String where(HttpRequest request) {
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        text = scrub(text);
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause != null && cause.getMessage() != null ? cause.getMessage()
                    : e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
        }
        return message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    @Override
    public void close() {
        http.close();
    }
}
