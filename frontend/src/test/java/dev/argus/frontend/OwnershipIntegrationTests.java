package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.sha256;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.uniqueContent;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Roles and ownership: a scan is its submitter's (and the admins'); file reports are shared without other users'
 * names, tags and scans; each role reaches only its routes.
 */
class OwnershipIntegrationTests extends AbstractSecurityIntegrationTests {

    @Test
    void anAnalystSeesOnlyItsOwnScansAndGets404ForAnotherAnalysts() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        ArgusTestClient bob = admin.newUser("ANALYST");
        byte[] content = uniqueContent();
        String tag = "case-" + UUID.randomUUID();
        String id = upload(ana, "ana-secret-name.doc", content, tag);

        assertThat(ana.get("/api/v1/scans/" + id).statusCode()).isEqualTo(200);
        assertProblem(bob.get("/api/v1/scans/" + id), 404, "scan-not-found");
        assertProblem(bob.get("/api/v1/scans/" + id + "/events"), 404, "scan-not-found");
        assertProblem(bob.post("/api/v1/scans/" + id + "/cancel"), 404, "scan-not-found");
        assertThat(ids(bob.get("/api/v1/scans?size=100"))).doesNotContain(id);
        assertThat(ids(ana.get("/api/v1/scans?size=100"))).contains(id);
        assertThat(admin.get("/api/v1/scans/" + id).statusCode()).isEqualTo(200);

        JsonNode shared = json(bob.get("/api/v1/files/" + sha256(content)));
        assertThat(shared.get("sha256").asString()).isEqualTo(sha256(content));
        assertThat(shared.get("stats").size()).isEqualTo(7);
        assertThat(shared.get("names").isEmpty()).isTrue();
        assertThat(shared.get("tags").isEmpty()).isTrue();
        assertThat(shared.get("scans").isEmpty()).isTrue();
        JsonNode own = json(ana.get("/api/v1/files/" + sha256(content)));
        assertThat(own.get("names").toString()).isEqualTo("[\"ana-secret-name.doc\"]");
        assertThat(own.get("tags").toString()).isEqualTo("[\"" + tag + "\"]");
        assertThat(own.get("scans").get(0).get("id").asString()).isEqualTo(id);

        assertThat(json(bob.get("/api/v1/files?query=ana-secret-name")).get("items").isEmpty()).isTrue();
        assertThat(json(bob.get("/api/v1/files?query=tag:" + tag)).get("items").isEmpty()).isTrue();
        assertThat(json(ana.get("/api/v1/files?query=tag:" + tag)).get("items").size()).isEqualTo(1);

        HttpResponse<String> rescan = bob.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256(content) + "\"]}");
        assertThat(rescan.statusCode()).isEqualTo(202);
        assertThat(json(rescan).get("files").get(0).get("name").isNull()).isTrue();
    }

    @Test
    void aReaderReadsFileReportsAndProbesButMayNotSubmitOrSeeScans() {
        ArgusTestClient reader = admin.newUser("READER");
        byte[] content = uniqueContent();
        upload(admin, "r.bin", content, "r");

        assertThat(reader.get("/api/v1/files/" + sha256(content)).statusCode()).isEqualTo(200);
        assertThat(reader.get("/api/v1/files?query=r").statusCode()).isEqualTo(200);
        assertThat(reader.get("/api/v1/probes").statusCode()).isEqualTo(200);
        assertProblem(reader.upload(new Multipart().file("x.bin", uniqueContent())), 403, "forbidden");
        assertProblem(reader.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256(content) + "\"]}"), 403,
                "forbidden");
        assertProblem(reader.get("/api/v1/scans"), 403, "forbidden");
        assertProblem(reader.send("PUT", "/api/v1/files/" + sha256(content) + "/label", "application/json",
                "{\"label\":\"malicious\"}"), 403, "forbidden");
        assertProblem(reader.get("/api/v1/files/" + sha256(content) + "/download"), 403, "forbidden");
        assertProblem(reader.postJson("/api/v1/users", "{\"username\":\"x\",\"role\":\"ADMIN\"}"), 403, "forbidden");
        // routes of the verdict feature: any authenticated user may read models and stats
        assertThat(reader.get("/api/v1/models/current").statusCode()).isNotIn(401, 403);
        assertThat(reader.get("/api/v1/stats/engines").statusCode()).isNotIn(401, 403);
    }

    @Test
    void anAnalystMayLabelButNotTrainModelsManageUsersOrDownload() {
        ArgusTestClient analyst = admin.newUser("ANALYST");
        String sha = "ab".repeat(32);

        assertThat(analyst.send("PUT", "/api/v1/files/" + sha + "/label", "application/json",
                "{\"label\":\"malicious\"}").statusCode()).isNotIn(401, 403);
        assertThat(analyst.send("POST", "/api/v1/labels", "text/csv", "").statusCode()).isNotIn(401, 403);
        assertProblem(analyst.post("/api/v1/models"), 403, "forbidden");
        assertProblem(analyst.postJson("/api/v1/users", "{\"username\":\"y\",\"role\":\"READER\"}"), 403,
                "forbidden");
        assertProblem(analyst.get("/api/v1/files/" + sha + "/download"), 403, "forbidden");
    }
}
