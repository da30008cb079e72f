package dev.argus.frontend.vt;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** VtErrorFilter's translation of problem documents, for the cases the integration tests cannot provoke cheaply. */
class VtErrorFilterTests {

    @Test
    void anExhaustedRateLimitIsV2s204WithoutBodyAndV3sQuotaExceededErrorWithItsRetryAfter() throws Exception {
        MockHttpServletResponse v2 = filter("/vtapi/v2/file/report", problem(429, "too-many-requests"));
        assertThat(v2.getStatus()).isEqualTo(204);
        assertThat(v2.getContentAsByteArray()).isEmpty();

        MockHttpServletResponse v3 = filter("/api/v3/files/upload_url", problem(429, "too-many-requests"));
        assertThat(v3.getStatus()).isEqualTo(429);
        assertThat(v3.getHeader("Retry-After")).isEqualTo("7");
        assertThat(v3.getContentType()).startsWith("application/json");
        assertThat(v3.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":{\"code\":\"QuotaExceededError\",\"message\":\"slow down\"}}");
    }

    @Test
    void otherV2ErrorsKeepTheirStatusWithAV2BodyAndOtherRoutesAreLeftAlone() throws Exception {
        MockHttpServletResponse v2 = filter("/vtapi/v2/file/report", problem(400, "invalid-parameter"));
        assertThat(v2.getStatus()).isEqualTo(400);
        assertThat(v2.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"response_code\":0,\"verbose_msg\":\"slow down\"}");
        MockHttpServletResponse v1 = filter("/api/v1/scans", problem(429, "too-many-requests"));
        assertThat(v1.getStatus()).isEqualTo(429);
        assertThat(v1.getContentType()).isEqualTo("application/problem+json");
        MockHttpServletResponse fine = filter("/api/v3/files/upload_url", (request, response) -> {
            response.setContentType("application/json");
            response.getWriter().write("{\"data\":\"x\"}");
        });
        assertThat(fine.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"data\":\"x\"}");
    }

    @Test
    void mapsStatusesToVirusTotalsCodes() {
        assertThat(VtErrorFilter.v3Code(400, "invalid-hash", true)).isEqualTo("InvalidArgumentError");
        assertThat(VtErrorFilter.v3Code(400, "missing-file", true)).isEqualTo("BadRequestError");
        assertThat(VtErrorFilter.v3Code(401, "unauthorized", false)).isEqualTo("AuthenticationRequiredError");
        assertThat(VtErrorFilter.v3Code(401, "unauthorized", true)).isEqualTo("WrongCredentialsError");
        assertThat(VtErrorFilter.v3Code(403, "forbidden", true)).isEqualTo("ForbiddenError");
        assertThat(VtErrorFilter.v3Code(404, "not-found", true)).isEqualTo("NotFoundError");
        assertThat(VtErrorFilter.v3Code(413, "file-too-large", true)).isEqualTo("BadRequestError");
        assertThat(VtErrorFilter.v3Code(503, "service-unavailable", true)).isEqualTo("TransientError");
        assertThat(VtErrorFilter.v3Code(500, "internal-error", true)).isEqualTo("InternalError");
    }

    private static FilterChain problem(int status, String slug) {
        return (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(status);
            http.setHeader("Retry-After", "7");
            http.setContentType("application/problem+json");
            http.getWriter().write("{\"type\":\"urn:argus:problem:" + slug + "\",\"status\":" + status
                    + ",\"detail\":\"slow down\"}");
            http.getWriter().flush();
        };
    }

    private static MockHttpServletResponse filter(String path, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("x-apikey", "k");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new VtErrorFilter().doFilter(request, response, chain);
        return response;
    }
}
