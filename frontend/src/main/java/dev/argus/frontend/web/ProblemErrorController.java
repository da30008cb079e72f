package dev.argus.frontend.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page for errors raised outside Spring MVC (the servlet container, filters): the answer
 * is a problem document as well, never HTML.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    /** A request attribute with the detail sentence of a 4xx raised outside Spring MVC, e.g. by a filter. */
    static final String DETAIL_ATTRIBUTE = ProblemErrorController.class.getName() + ".detail";

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (code == null && uri == null) {
            // asked for directly, not forwarded by the container: there is no such resource
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                    .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "no resource " + request.getRequestURI()));
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object known = request.getAttribute(DETAIL_ATTRIBUTE);
        String detail = status.is5xxServerError()
                ? "unexpected error; the server log has the details"
                : known != null ? known.toString() : status.getReasonPhrase() + (uri == null ? "" : ": " + uri);
        if (status.is5xxServerError()) {
            log.error("{} -> {} (outside the MVC handlers)", LogSafe.text(uri), status.value(),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        } else {
            log.warn("{} -> {} (outside the MVC handlers): {}", LogSafe.text(uri), status.value(),
                    LogSafe.text(detail));
        }
        String slug = status == HttpStatus.BAD_REQUEST && known != null ? "invalid-parameter" : Problems.slugFor(status);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                // set here so Spring MVC does not derive it from the original URI, which may be one the container
                // refused as malformed (e.g. TRACE /x/;a%: Tomcat's 405, then a 500 decoding the path)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(Problems.of(status, slug, detail));
    }
}
