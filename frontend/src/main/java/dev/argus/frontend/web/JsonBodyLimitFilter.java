package dev.argus.frontend.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies at {@value #MAX_BYTES} bytes, since a JSON body is read whole into memory: a larger
 * declared {@code Content-Length} is refused at once with 413, and a chunked body is cut off when it goes past
 * the cap ({@link JsonBodyTooLargeException}, also a 413). Multipart uploads are streamed and limited elsewhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class JsonBodyLimitFilter extends OncePerRequestFilter {

    /** Largest JSON body: room for far more hashes than a request may name, and a generous metadata object. */
    static final int MAX_BYTES = 1024 * 1024;
    static final String TOO_LARGE = "the JSON body is larger than 1MB (" + MAX_BYTES + " bytes)";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isJson(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            request.setAttribute(ProblemErrorController.DETAIL_ATTRIBUTE, TOO_LARGE);
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(new LimitedBody(request), response);
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || "json".equals(type.getSubtypeSuffix()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The request with its body stream counting towards the cap. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int bytes) throws JsonBodyTooLargeException {
            read += bytes;
            if (read > MAX_BYTES) {
                throw new JsonBodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** A chunked JSON body went past the cap. */
    static final class JsonBodyTooLargeException extends IOException {

        JsonBodyTooLargeException() {
            super(TOO_LARGE, null);
        }
    }
}
