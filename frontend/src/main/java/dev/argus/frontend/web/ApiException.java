package dev.argus.frontend.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the API reports as an RFC 9457 problem: an HTTP status, a stable slug (the problem type is
 * {@code urn:argus:problem:<slug>}) and a detail sentence for the client. Thrown by the features, rendered by
 * {@link ProblemHandling}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final Duration retryAfter;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private ApiException(HttpStatus status, String slug, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.retryAfter = retryAfter;
    }

    /** 400: malformed input; the detail names the field. */
    public static ApiException badRequest(String slug, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, slug, detail, null);
    }

    /** 401: no valid credentials. */
    public static ApiException unauthorized(String slug, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, slug, detail, null);
    }

    /** 403: the caller may not do this. */
    public static ApiException forbidden(String slug, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, slug, detail, null);
    }

    /** 404: an unknown scan or file. */
    public static ApiException notFound(String slug, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, slug, detail, null);
    }

    /** 409: the request conflicts with the resource's state. */
    public static ApiException conflict(String slug, String detail) {
        return new ApiException(HttpStatus.CONFLICT, slug, detail, null);
    }

    /** 413: a limit on the request's content was exceeded; the detail states the limit. */
    public static ApiException contentTooLarge(String slug, String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, slug, detail, null);
    }

    /** 408: the client did not send its request in time; the detail states the limit. */
    public static ApiException requestTimeout(String slug, String detail) {
        return new ApiException(HttpStatus.REQUEST_TIMEOUT, slug, detail, null);
    }

    /** 503 with {@code Retry-After}: a dependency cannot take the request now. */
    public static ApiException unavailable(String slug, String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, slug, detail, retryAfter);
    }

    /** 429 with {@code Retry-After}: the caller used up a limit; the detail and the extension members name it. */
    public static ApiException tooManyRequests(String slug, String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, slug, detail, retryAfter);
    }

    /** Adds an extension member to the problem document. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    /** The delay to advertise in {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
