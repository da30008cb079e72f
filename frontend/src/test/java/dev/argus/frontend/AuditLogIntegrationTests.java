package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.frontend.audit.AuditLog;
import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The audit log as admins read it, and as nobody else may. */
class AuditLogIntegrationTests extends AbstractSecurityIntegrationTests {

    @Autowired
    AuditLog audit;

    @Test
    void anAdminReadsActionsNewestFirstFilteredByActionWithHostileTextKeptAsData() {
        String target = "target-" + UUID.randomUUID();
        audit.record("alice", "test-first", target, null);
        audit.record(AuditLog.SYSTEM, "test-second", target, "removed 3 files\r\nforged line \u202E");

        JsonNode page = json(admin.get("/api/v1/admin/audit?size=100"));
        assertThat(page.get("items").values()).filteredOn(e -> e.get("target").asString().equals(target))
                .extracting(e -> e.get("action").asString()).containsExactly("test-second", "test-first");
        JsonNode only = json(admin.get("/api/v1/admin/audit?action=test-second&size=100"));
        assertThat(only.get("total").asLong()).isEqualTo(audit.count("test-second"));
        assertThat(only.get("items").values()).allSatisfy(e -> assertThat(e.get("action").asString())
                .isEqualTo("test-second"));
        assertThat(only.get("items").values().iterator().next().get("detail").asString())
                .isEqualTo("removed 3 files\r\nforged line \u202E");
    }

    @Test
    void onlyAnAdminReadsTheAuditLog() {
        ArgusTestClient analyst = admin.newUser("ANALYST");
        ArgusTestClient reader = admin.newUser("READER");

        assertThat(analyst.get("/api/v1/admin/audit").statusCode()).isEqualTo(403);
        assertThat(reader.get("/api/v1/admin/audit").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = admin.withKey("not-a-key").get("/api/v1/admin/audit");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(admin.get("/api/v1/admin/audit?size=0").statusCode()).isEqualTo(400);
    }
}
