package dev.argus.frontend;

import static dev.argus.frontend.ResultMessages.answer;
import static dev.argus.frontend.ResultMessages.publishFromProbe;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.frontend.model.CurrentModel;
import dev.argus.frontend.model.ModelFixtures;
import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Overrides against real PostgreSQL and RabbitMQ: an admin's allow, block or false positive changes the verdict of
 * scans already finished and of new ones, says who and why, and lifting it restores the engines' verdict; invalid
 * overrides are 400, duplicates 409, non-admins 403. Also the threshold rule with one antivirus engine and who may see
 * who labelled a file. No model is current here, so the threshold decides.
 */
class OverrideIntegrationTests extends AbstractMessageFlowIntegrationTests {

    @Autowired
    CurrentModel currentModel;

    @BeforeEach
    void thresholdDecides() {
        ModelFixtures.noCurrentModel(jdbc, currentModel);
    }

    @Test
    void anAllowListFlipsTheVerdictOfAnOldAndANewScanSaysWhoAndWhyAndLiftingRestoresIt() {
        byte[] content = unique();
        String sha256 = sha256(content);
        UUID old = scanned(content, Category.MALICIOUS, "Win.Trojan.Agent-1", Category.UNDETECTED);
        assertThat(verdict(old).get("label").asString()).isEqualTo("malicious");

        HttpResponse<String> set = http.postJson("/api/v1/overrides", "{\"sha256\":\"" + sha256.toUpperCase()
                + "\",\"action\":\"allow\",\"reason\":\"vendor's signed installer, ticket 4711\"}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        JsonNode override = json(set);
        long id = override.get("id").asLong();
        String admin = override.get("createdBy").asString();
        assertThat(set.headers().firstValue("Location")).contains("/api/v1/overrides/" + id);
        assertThat(override.get("sha256").asString()).isEqualTo(sha256);
        assertThat(override.get("action").asString()).isEqualTo("allow");
        assertThat(override.has("createdAt")).isTrue();
        JsonNode allowed = verdict(old);
        assertThat(allowed.get("label").asString()).isEqualTo("clean");
        assertThat(allowed.get("method").asString()).isEqualTo("override");
        assertThat(allowed.get("explanation").get(0).asString())
                .isEqualTo("allow-listed by " + admin + ": vendor's signed installer, ticket 4711");
        assertThat(allowed.get("explanation").get(1).asString()).isEqualTo("the engines alone: malicious (threshold)");
        assertThat(json(http.get("/api/v1/files/" + sha256)).get("verdict").get("label").asString())
                .isEqualTo("clean");
        JsonNode newScan = forcedRescan(sha256, Category.MALICIOUS, "Win.Trojan.Agent-1", Category.MALICIOUS);
        assertThat(newScan.get("label").asString()).as("a scan made after the override").isEqualTo("clean");
        assertThat(json(http.get("/api/v1/overrides")).valueStream()
                .anyMatch(o -> o.get("id").asLong() == id && o.get("reason").asString().contains("4711"))).isTrue();
        assertThat(audited("override-set", sha256)).isTrue();

        HttpResponse<String> lifted = http.send("DELETE", "/api/v1/overrides/" + id, "application/json", "");

        assertThat(lifted.statusCode()).isEqualTo(204);
        assertThat(verdict(old).get("label").asString()).isEqualTo("malicious");
        assertThat(verdict(old).get("method").asString()).isEqualTo("threshold");
        assertThat(audited("override-lifted", sha256)).isTrue();
        assertProblem(http.send("DELETE", "/api/v1/overrides/" + id, "application/json", ""), 404,
                "override-not-found");
    }

    @Test
    void aBlockListMakesACleanFileMalicious() {
        byte[] content = unique();
        String sha256 = sha256(content);
        UUID scan = scanned(content, Category.UNDETECTED, null, Category.UNDETECTED);
        assertThat(verdict(scan).get("label").asString()).isEqualTo("clean");

        long id = json(http.postJson("/api/v1/overrides", "{\"sha256\":\"" + sha256
                + "\",\"action\":\"block\",\"reason\":\"seen in incident 12\"}")).get("id").asLong();

        assertThat(verdict(scan).get("label").asString()).isEqualTo("malicious");
        assertThat(verdict(scan).get("explanation").get(0).asString()).startsWith("block-listed by ")
                .endsWith(": seen in incident 12");
        http.send("DELETE", "/api/v1/overrides/" + id, "application/json", "");
        assertThat(verdict(scan).get("label").asString()).isEqualTo("clean");
    }

    @Test
    void aFalsePositiveDropsThatEnginesDetectionOfThatThreatFromEveryScan() {
        String threat = "Eicar-Test-Signature-" + UUID.randomUUID();
        UUID flagged = scanned(unique(), Category.MALICIOUS, threat, Category.UNDETECTED);
        UUID otherThreat = scanned(unique(), Category.MALICIOUS, "Win.Other-" + UUID.randomUUID(),
                Category.UNDETECTED);
        assertThat(verdict(flagged).get("label").asString()).isEqualTo("malicious");

        HttpResponse<String> set = http.postJson("/api/v1/overrides", "{\"engine\":\"clamav\",\"threat\":\"" + threat
                + "\",\"action\":\"false-positive\",\"reason\":\"test signature\"}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        JsonNode dropped = verdict(flagged);
        assertThat(dropped.get("label").asString()).isEqualTo("clean");
        assertThat(dropped.get("explanation").get(0).asString()).isEqualTo("clamav " + threat
                + " marked a false positive by " + json(set).get("createdBy").asString()
                + ": test signature (counted as undetected)");
        assertThat(verdict(otherThreat).get("label").asString()).isEqualTo("malicious");
        assertProblem(http.postJson("/api/v1/overrides", "{\"engine\":\"clamav\",\"threat\":\"" + threat
                + "\",\"action\":\"false-positive\",\"reason\":\"again\"}"), 409, "override-exists");
        http.send("DELETE", "/api/v1/overrides/" + json(set).get("id").asLong(), "application/json", "");
        assertThat(verdict(flagged).get("label").asString()).isEqualTo("malicious");
    }

    @Test
    void refusesInvalidOverridesWith400NamingTheField() {
        String sha = "a".repeat(64);
        String[][] cases = {
                {"{\"sha256\":\"" + sha + "\",\"action\":\"allow\"}", "reason"},
                {"{\"sha256\":\"" + sha + "\",\"action\":\"allow\",\"reason\":\"  \"}", "reason"},
                {"{\"sha256\":\"" + sha + "\",\"action\":\"allow\",\"reason\":\"" + "x".repeat(501) + "\"}", "reason"},
                {"{\"sha256\":\"" + sha + "\",\"action\":\"allow\",\"reason\":\"evil\\u202Etxt\"}", "reason"},
                {"{\"sha256\":\"" + sha + "\",\"action\":\"forget\",\"reason\":\"r\"}", "action"},
                {"{\"sha256\":\"xyz\",\"action\":\"block\",\"reason\":\"r\"}", "sha256"},
                {"{\"engine\":\"clamav\",\"threat\":\"t\",\"action\":\"allow\",\"reason\":\"r\"}", "engine"},
                {"{\"sha256\":\"" + sha + "\",\"action\":\"false-positive\",\"reason\":\"r\"}", "sha256"},
                {"{\"engine\":\"clamav\",\"action\":\"false-positive\",\"reason\":\"r\"}", "threat"},
                {"{\"engine\":\"../etc\",\"threat\":\"t\",\"action\":\"false-positive\",\"reason\":\"r\"}", "engine"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = http.postJson("/api/v1/overrides", c[0]);
            assertProblem(response, 400, "invalid-field");
            assertThat(json(response).get("detail").asString()).as(c[0]).contains("'" + c[1] + "'");
        }
        assertThat(jdbc.sql("select count(*) from verdict_override where sha256 = ?").param(sha)
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyAdminsSetAndLiftOverridesAnalystsMayList() {
        ArgusTestClient analyst = http.newUser("ANALYST");
        long id = json(http.postJson("/api/v1/overrides", "{\"sha256\":\"" + sha256(unique())
                + "\",\"action\":\"block\",\"reason\":\"r\"}")).get("id").asLong();

        assertProblem(analyst.postJson("/api/v1/overrides", "{\"sha256\":\"" + sha256(unique())
                + "\",\"action\":\"allow\",\"reason\":\"mine\"}"), 403, "forbidden");
        assertProblem(analyst.send("DELETE", "/api/v1/overrides/" + id, "application/json", ""), 403, "forbidden");
        assertThat(analyst.get("/api/v1/overrides").statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/v1/overrides/" + id, "application/json", "").statusCode())
                .isEqualTo(204);
    }

    @Test
    void oneAntivirusEnginesDetectionIsMaliciousAlsoNextToAnEngineThatMissedIt() {
        byte[] alone = unique();
        UUID clamavOnly = upload(CLAMAV, alone);
        publishFromProbe(publisher, CLAMAV, answer(clamavOnly, sha256(alone), CLAMAV, Category.MALICIOUS,
                "Eicar-Test-Signature"));
        await().untilAsserted(() -> assertThat(status(clamavOnly)).isEqualTo("finished"));
        UUID withYara = scanned(unique(), Category.MALICIOUS, "Eicar-Test-Signature", Category.UNDETECTED);

        JsonNode single = verdict(clamavOnly);
        assertThat(single.get("label").asString()).isEqualTo("malicious");
        assertThat(single.get("method").asString()).isEqualTo("threshold");
        JsonNode pair = verdict(withYara);
        assertThat(pair.get("label").asString()).isEqualTo("malicious");
        assertThat(pair.get("explanation").toString()).contains("1 of 2 engines detect it (threshold 1)");
    }

    @Test
    void whoLabelledAFileIsShownOnlyToAdminsAndTheLabeller() {
        byte[] content = unique();
        String sha256 = sha256(content);
        scanned(content, Category.MALICIOUS, "X", Category.UNDETECTED);
        ArgusTestClient analyst = http.newUser("ANALYST");
        ArgusTestClient other = http.newUser("ANALYST");
        // the labels agree with the engines (clamav detects it), so the training set stays consistent
        assertThat(http.send("PUT", "/api/v1/files/" + sha256 + "/label", "application/json",
                "{\"label\":\"malicious\",\"source\":\"admin\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> own = analyst.send("PUT", "/api/v1/files/" + sha256 + "/label", "application/json",
                "{\"label\":\"malicious\",\"source\":\"analyst\"}");
        String analystName = json(own).get("labelledBy").asString();

        JsonNode seenByAnalyst = json(analyst.get("/api/v1/files/" + sha256 + "/labels"));
        JsonNode seenByOther = json(other.get("/api/v1/files/" + sha256 + "/labels"));
        JsonNode seenByAdmin = json(http.get("/api/v1/files/" + sha256 + "/labels"));

        assertThat(seenByAnalyst.get(0).get("labelledBy").asString()).isEqualTo(analystName);
        assertThat(seenByAnalyst.get(1).path("labelledBy").isNull()).as("the admin's label, by nobody it may know")
                .isTrue();
        assertThat(seenByAnalyst.get(1).get("source").asString()).isEqualTo("admin");
        assertThat(seenByOther.valueStream().allMatch(l -> l.path("labelledBy").isNull())).isTrue();
        assertThat(seenByOther.size()).isEqualTo(2);
        assertThat(seenByAdmin.get(0).get("labelledBy").asString()).isEqualTo(analystName);
        assertThat(seenByAdmin.get(1).get("labelledBy").isNull()).isFalse();
    }

    /** Scans the content with clamav and yara, which answer as given; the finished scan's id. */
    private UUID scanned(byte[] content, Category clamav, String threat, Category yara) {
        UUID id = upload(CLAMAV + "," + YARA, content);
        report(id, sha256(content), clamav, threat, yara);
        return id;
    }

    private void report(UUID id, String sha256, Category clamav, String threat, Category yara) {
        publishFromProbe(publisher, CLAMAV, answer(id, sha256, CLAMAV, clamav, threat));
        publishFromProbe(publisher, YARA, answer(id, sha256, YARA, yara, yara == Category.MALICIOUS ? "rule" : null));
        await().untilAsserted(() -> assertThat(status(id)).isEqualTo("finished"));
    }

    /** A forced rescan of a stored file, answered as given; its verdict. */
    private JsonNode forcedRescan(String sha256, Category clamav, String threat, Category yara) {
        HttpResponse<String> response = http.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256
                + "\"],\"probes\":[\"clamav\",\"yara\"],\"force\":true}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID id = UUID.fromString(json(response).get("id").asString());
        report(id, sha256, clamav, threat, yara);
        return verdict(id);
    }

    private JsonNode verdict(UUID scan) {
        return scan(scan).get("files").get(0).get("verdict");
    }

    private boolean audited(String action, String target) {
        return json(http.get("/api/v1/admin/audit?action=" + action + "&size=100")).get("items").valueStream()
                .anyMatch(e -> e.get("target").asString().equals(target));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) {
        AbstractFrontendIntegrationTests.assertProblem(response, status, slug);
    }
}
