package dev.argus.frontend.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's error report for requests it rejects before the application sees them (e.g. a malformed URL
 * encoding): a minimal problem document instead of Tomcat's HTML page. Installed as the host's error report
 * valve by {@link TomcatErrorReportConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String detail;
        if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
            // Tomcat's answer to a Transfer-Encoding it does not implement: the client's fault, not the server's
            status = HttpStatus.BAD_REQUEST.value();
            response.setStatus(status);
            detail = "unsupported Transfer-Encoding; send chunked or a Content-Length";
        } else {
            HttpStatus known = HttpStatus.resolve(status);
            detail = known == null ? "error " + status : known.getReasonPhrase();
        }
        String slug = Problems.slugFor(HttpStatusCode.valueOf(status));
        String json = "{\"type\":\"" + Problems.TYPE_PREFIX + slug + "\",\"title\":\"" + Problems.title(slug)
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is unusable; nothing more to do
        }
    }
}
