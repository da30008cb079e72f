package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.json.ArgusJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Records what VirusTotal's official Python client, vt-py, exchanges with Argus, for
 * {@link VtPyReplayIntegrationTests} (CI has no vt-py). Not a test of the suite (its name does not end in Tests): run
 * it on purpose with {@code -Dtest=VtPyRecording} where {@code VTPY_PATH} names a vt-py source tree
 * (with Debian's python3-aiohttp and python3-aiofiles installed): vt-py talks to Argus through a recording proxy,
 * {@code scan_file(f, wait_for_completion=True)} then {@code get_object("/files/<sha256>")}; the test plays the
 * probes once vt-py has seen the analysis queued (unless Argus answered it from stored results). Every request and response is written, raw, to
 * {@value #RECORDING} (a harmless text) and {@value #EICAR_RECORDING} (EICAR) with {@code recording.properties} (the proxy's host, the analysis id, the file's sha256).
 */
@EnabledIfEnvironmentVariable(named = "VTPY_PATH", matches = ".+")
class VtPyRecording extends AbstractVtIntegrationTests {

    static final String RECORDING = "src/test/resources/vt/vt-py";
    /** The same flow with EICAR, replayed by the e2e module's VirusTotalEndToEndTests against a real ClamAV. */
    static final String EICAR_RECORDING = "src/test/resources/vt/vt-py-eicar";
    /** The recorded file: fixed content, so a replay sends the same bytes. */
    static final String SAMPLE_NAME = "vtpy-sample.txt";
    static final byte[] SAMPLE = "Argus vt-py recording sample: a harmless text file.\n"
            .getBytes(StandardCharsets.US_ASCII);

    private static final String CLIENT = """
            import sys, vt
            key, host, name, sha256 = sys.argv[1:5]
            with vt.Client(key, host=host) as client:
                with open(name, "rb") as f:
                    analysis = client.scan_file(f, wait_for_completion=True)
                print("analysis", analysis.id, analysis.status, dict(analysis.stats), sorted(analysis.results))
                file = client.get_object("/files/" + sha256)
                print("file", file.id, file.sha256, file.size, dict(file.last_analysis_stats),
                      file.last_analysis_date, file.argus_verdict["label"])
            """;

    @Test
    void recordsVtPyScanningAFileAndReadingItsFileObject() throws Exception {
        record(SAMPLE_NAME, SAMPLE, Path.of(RECORDING));
    }

    @Test
    void recordsVtPyScanningEicar() throws Exception {
        record("eicar.com", AbstractFrontendIntegrationTests.EICAR.getBytes(StandardCharsets.US_ASCII),
                Path.of(EICAR_RECORDING));
    }

    private void record(String sampleName, byte[] sampleContent, Path recording) throws Exception {
        List<HttpMessage[]> exchanges = new CopyOnWriteArrayList<>();
        Path workDir = Files.createTempDirectory("vtpy");
        Files.write(workDir.resolve(sampleName), sampleContent);
        String sha256 = sha256(sampleContent);
        try (ServerSocket proxy = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> acceptAll(proxy, exchanges));
            String host = "127.0.0.1:" + proxy.getLocalPort();
            ProcessBuilder python = new ProcessBuilder("/usr/bin/python3", "-c", CLIENT, TestKeys.ADMIN_KEY,
                    "http://" + host, sampleName, sha256).directory(workDir.toFile()).redirectErrorStream(true);
            python.environment().put("PYTHONPATH", System.getenv("VTPY_PATH"));
            Process client = python.start();
            client.getOutputStream().close();
            await().atMost(Duration.ofSeconds(30)).until(() -> exchanges.stream()
                    .anyMatch(e -> e[0].headText().contains("/api/v3/analyses/")));
            UUID scanId = UUID.fromString(ArgusJson.mapper().readTree(exchanges.get(1)[1].content())
                    .get("data").get("id").asString());
            if (status(scanId).equals("queued")) {
                answer(scanId, "Argus-Recording-Signature");
            }
            assertThat(client.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.exitValue()).as(output).isZero();
            assertThat(output).contains("analysis " + scanId + " completed")
                    .contains("file " + sha256 + " " + sha256 + " " + sampleContent.length);

            Files.createDirectories(recording);
            try (var old = Files.list(recording)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (int i = 0; i < exchanges.size(); i++) {
                Files.write(recording.resolve(String.format("%02d-request.http", i + 1)), exchanges.get(i)[0].bytes());
                Files.write(recording.resolve(String.format("%02d-response.http", i + 1)), exchanges.get(i)[1].bytes());
            }
            Properties properties = new Properties();
            properties.setProperty("host", host);
            properties.setProperty("analysis", scanId.toString());
            properties.setProperty("sha256", sha256);
            properties.setProperty("client-output", output.strip());
            try (OutputStream out = Files.newOutputStream(recording.resolve("recording.properties"))) {
                properties.store(out, "vt-py against Argus, recorded by VtPyRecording");
            }
        }
    }

    private void acceptAll(ServerSocket proxy, List<HttpMessage[]> exchanges) {
        while (!proxy.isClosed()) {
            try {
                Socket downstream = proxy.accept();
                Thread.ofVirtual().start(() -> relay(downstream, exchanges));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Relays each request of the connection to Argus and its response back, recording both as they were. */
    private void relay(Socket downstream, List<HttpMessage[]> exchanges) {
        try (downstream; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
            InputStream fromClient = downstream.getInputStream();
            InputStream fromArgus = upstream.getInputStream();
            while (true) {
                HttpMessage request = HttpMessage.read(fromClient, false);
                if (request == null) {
                    return;
                }
                upstream.getOutputStream().write(request.bytes());
                upstream.getOutputStream().flush();
                HttpMessage response = HttpMessage.read(fromArgus, true);
                exchanges.add(new HttpMessage[] {request, response});
                downstream.getOutputStream().write(response.bytes());
                downstream.getOutputStream().flush();
            }
        } catch (IOException e) {
            // the client closed its connection
        }
    }
}
