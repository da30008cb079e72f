package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/**} route the application maps, found through Spring MVC's handler mappings so that a new
 * route cannot slip by, answers 401 problem+json without a key and with an unknown key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiRouteSecurityIntegrationTests {

    private static final String SAMPLE_VALUE = "00000000-0000-0000-0000-000000000000";

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiRouteAnswers401WithoutAKeyAndWithAnUnknownKey() {
        List<String> routes = apiRoutes();
        assertThat(routes).as("the API routes found").hasSizeGreaterThanOrEqualTo(12)
                .contains("GET /api/v1/scans/{id}", "POST /api/v1/users", "DELETE /api/v1/keys/{id}",
                        "GET /api/v1/files/{sha256}/download", "GET /api/v3/analyses/{id}",
                        "POST /vtapi/v2/file/scan");
        ArgusTestClient anonymous = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY).withKey(null);
        ArgusTestClient unknown = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY).withKey("argus_" + "x".repeat(43));
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", SAMPLE_VALUE);
            for (ArgusTestClient client : List.of(anonymous, unknown)) {
                var response = client.send(HttpRequest.newBuilder(client.uri(path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")));
                if (path.startsWith("/api/v3/")) {
                    VtApiIntegrationTests.assertVtError(response, 401, client == anonymous
                            ? "AuthenticationRequiredError" : "WrongCredentialsError");
                } else if (path.startsWith("/vtapi/v2/")) {
                    assertThat(response.statusCode()).as("VirusTotal v2 refuses a key with an empty 403")
                            .isEqualTo(403);
                    assertThat(response.body()).isEmpty();
                } else {
                    assertProblem(response, 401, "unauthorized");
                }
            }
        }
    }

    private List<String> apiRoutes() {
        List<String> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/vtapi/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add("GET " + pattern);
                    routes.add("POST " + pattern);
                } else {
                    methods.forEach(method -> routes.add(method.name() + " " + pattern));
                }
            }
        }
        return routes;
    }
}
