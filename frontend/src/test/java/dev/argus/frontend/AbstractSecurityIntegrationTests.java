package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.web.ApiException;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Identities, roles and ownership against real PostgreSQL, RabbitMQ and FTP. The test plays the brain's probe
 * directory by writing the frontend's copy directly; uploads go to the real broker and file store. The
 * subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AbstractSecurityIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    ProbeDirectory probeDirectory;

    ArgusTestClient admin;

    @BeforeEach
    void knowAProbe() {
        admin = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        jdbc.sql("""
                insert into probe (name, display_name, category, version, engine_version, online, instances,
                                   last_seen, updated_at)
                values ('secprobe', 'Sec', 'antivirus', '1', '1', true, 1, now(), now())
                on conflict (name) do update set online = true, updated_at = now()
                """).update();
        // the upload path reads the directory from a snapshot up to a second old
        await().until(this::knowsTheProbe);
    }

    private boolean knowsTheProbe() {
        try {
            return probeDirectory.resolve(List.of("secprobe")).equals(List.of("secprobe"));
        } catch (ApiException e) {
            return false;
        }
    }

    String upload(ArgusTestClient as, String name, byte[] content, String tag) {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        HttpResponse<String> response = as.upload(new Multipart().file(name, content)
                .field("probes", "secprobe").field("tags", tag));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("id").asString();
    }

    HttpResponse<byte[]> sendForBytes(String path) {
        try {
            return admin.client().send(admin.authorized(HttpRequest.newBuilder(admin.uri(path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    String ownUsername(ArgusTestClient as) {
        return jdbc.sql("select username from api_key where key_hash = ?").param(sha256Hex(as.key()))
                .query(String.class).single();
    }

    static List<String> ids(HttpResponse<String> page) {
        return json(page).get("items").valueStream().map(scan -> scan.get("id").asString()).toList();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
