package dev.argus.standalone;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Starts standalone Arguses in this JVM on a temporary data directory and a free HTTP port; stops them after. */
abstract class AbstractStandaloneIntegrationTests {

    /** The admin key the in-JVM tests bootstrap ({@code argus.security.bootstrap-admin-key}). */
    static final String ADMIN_KEY = "standalone-test-admin-key-0123456789abcdefghij";

    /** The 68-byte EICAR test file. */
    static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dataDir;

    private final List<Standalone> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(Standalone::close);
    }

    /** Starts Argus on {@link #dataDir} with a free HTTP port and the given extra arguments. */
    Standalone start(String... extraArgs) {
        String[] args = Stream.concat(Stream.of("--argus.standalone.data-dir=" + dataDir, "--server.port=0",
                // unpacked once for every test run, not once per test
                "--argus.standalone.runtime-dir=" + Path.of("target", "postgres-runtime").toAbsolutePath(),
                // scans must not wait for the default 10 s directory broadcast when a probe appears
                "--argus.brain.directory-interval=1s", "--argus.security.bootstrap-admin-key=" + ADMIN_KEY),
                Stream.of(extraArgs)).toArray(String[]::new);
        Standalone argus = Standalone.start(args);
        started.add(argus);
        return argus;
    }

    /** A client of the started Argus with the bootstrapped admin key. */
    static ArgusTestClient api(Standalone argus) {
        return ArgusTestClient.onPort(argus.httpPort(), ADMIN_KEY);
    }

    void stop(Standalone argus) {
        started.remove(argus);
        argus.close();
    }

    /** Uploads EICAR once ClamAV is online, waits for the scan to finish and returns it. */
    static JsonNode scanEicar(ArgusTestClient api) throws Exception {
        await("clamav online").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.probeOnline("clamav"));
        HttpResponse<String> submitted = api.upload("eicar.com", EICAR);
        assertThat(submitted.statusCode()).isEqualTo(202);
        String id = json(submitted).path("id").asString();
        JsonNode[] scan = new JsonNode[1];
        await("scan finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            scan[0] = json(api.get("/api/v1/scans/" + id));
            return "finished".equals(scan[0].path("status").asString());
        });
        return scan[0];
    }

    static JsonNode clamavResult(JsonNode scan) {
        return scan.path("files").path(0).path("results").path("clamav");
    }
}
