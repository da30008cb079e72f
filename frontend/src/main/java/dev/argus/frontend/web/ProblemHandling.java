package dev.argus.frontend.web;

import dev.argus.common.store.FileStoreException;
import dev.argus.frontend.FrontendProperties;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The one place errors become HTTP responses: every failure is an {@code application/problem+json} document
 * with a {@code urn:argus:problem:<slug>} type, a title, the status and a detail sentence, never a stack
 * trace. Spring MVC's own exceptions (404 route, 405, 415, unreadable body, bad parameter) come through
 * {@link ResponseEntityExceptionHandler}. Unavailable dependencies (broker, database, file store) are 503
 * with {@code Retry-After}. 4xx are logged at WARN, 5xx at ERROR (a stack trace only for an unexpected 500).
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final long retryAfterSeconds;

    ProblemHandling(FrontendProperties properties) {
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException e, WebRequest request) {
        ProblemDetail problem = Problems.of(e.status(), e.slug(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return handleExceptionInternal(e, problem, headers, e.status(), request);
    }

    @ExceptionHandler({AmqpException.class, DataAccessException.class, TransactionException.class,
            FileStoreException.class})
    ResponseEntity<Object> handleUnavailable(Exception e, WebRequest request) {
        String what = switch (e) {
            case AmqpException ignored -> "the message broker";
            case FileStoreException ignored -> "the file store";
            default -> "the database";
        };
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                what + " is unavailable; nothing was recorded, try again later");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /**
     * The security firewall checks parameter names only when something first reads them, which can be inside
     * MVC's handler lookup (a form body whose field names hold line breaks, say): the request is malformed.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(RequestRejectedException e, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-request",
                "the request was rejected: a parameter name or value holds characters that are not allowed");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "unexpected error; the server log has the details");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "a valid value"
                : switch (e.getRequiredType().getSimpleName()) {
                    case "UUID" -> "a UUID";
                    case "int", "Integer", "long", "Long" -> "an integer";
                    case "boolean", "Boolean" -> "true or false";
                    default -> "a valid " + e.getRequiredType().getSimpleName();
                };
        ProblemDetail problem = Problems.of(status, "invalid-parameter",
                "parameter '" + name + "' must be " + expected + ", got '" + e.getValue() + "'");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof JsonBodyLimitFilter.JsonBodyTooLargeException) {
            ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
                    JsonBodyLimitFilter.TOO_LARGE);
            return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = Problems.of(status, "malformed-json", describe(e));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(status, "not-found",
                "no resource " + e.getHttpMethod() + " /" + e.getResourcePath());
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : e instanceof ErrorResponse response ? response.getBody()
                : ProblemDetail.forStatus(status);
        if (problem.getType() == null || !problem.getType().toString().startsWith(Problems.TYPE_PREFIX)) {
            String slug = Problems.slugFor(status);
            problem.setType(URI.create(Problems.TYPE_PREFIX + slug));
            problem.setTitle(Problems.title(slug));
        }
        if (problem.getDetail() == null) {
            problem.setDetail(status instanceof HttpStatus known ? known.getReasonPhrase() : "error " + status);
        }
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(Problems.instance(servlet.getRequest().getRequestURI()));
        }
        log(e, status, problem, request);
        // Preset, so a problem is written whatever the client's Accept says (even a malformed one).
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(e, problem, problemHeaders, status, request);
    }

    private static void log(Exception e, HttpStatusCode status, ProblemDetail problem, WebRequest request) {
        String where = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
        if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            log.error("{} -> {} {}: {}", LogSafe.text(where), status.value(), problem.getType(),
                    LogSafe.text(problem.getDetail()), e);
        } else if (status.is5xxServerError()) {
            // an outage, not a bug: one line with the cause instead of a stack trace per request
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            log.error("{} -> {} {}: {} ({})", LogSafe.text(where), status.value(), problem.getType(),
                    LogSafe.text(problem.getDetail()),
                    cause == e ? e.toString() : e.getClass().getSimpleName() + ": " + cause);
        } else {
            log.warn("{} -> {} {}: {}", LogSafe.text(where), status.value(), problem.getType(),
                    LogSafe.text(problem.getDetail()));
        }
    }

    private static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            String path = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (!path.isEmpty()) {
                return "malformed JSON body: field '" + path.replace(".[", "[") + "' has an invalid value";
            }
            if (jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0) {
                return "malformed JSON body at line " + jackson.getLocation().getLineNr() + ", column "
                        + jackson.getLocation().getColumnNr();
            }
        }
        return "the request body is missing or is not valid JSON";
    }
}
