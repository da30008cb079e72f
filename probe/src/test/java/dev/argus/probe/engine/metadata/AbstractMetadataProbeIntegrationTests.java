package dev.argus.probe.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.store.FileStore;
import dev.argus.probe.TestBroker;
import dev.argus.probe.engine.executable.ExecutableEngine;
import dev.argus.probe.engine.executable.pe.TinyPe;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The metadata and executable engines inside one probe: a batch of one job in through {@code argus.probes}, the file
 * from the FTP store, the result out through {@code argus.results}, registration through {@code argus.brain.probes}.
 */
@SpringBootTest(properties = {"argus.probe.engines=metadata,executable", "argus.probe.concurrency=1",
        "argus.probe.heartbeat-interval=300ms"})
@ActiveProfiles("test")
abstract class AbstractMetadataProbeIntegrationTests {

    @Autowired
    RabbitProperties rabbitProperties;

    @Autowired
    Environment environment;

    @Autowired
    MessageConverter converter;

    @Autowired
    FileStore store;

    private TestBroker broker;
    private String results;

    @BeforeEach
    void connect() {
        broker = TestBroker.connect(rabbitProperties, environment, converter);
        results = broker.resultsQueue();
        broker.purge(Topology.BRAIN_RESULTS_QUEUE);
        broker.purge(Topology.FRONTEND_RESULTS_QUEUE);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void metadataDescribesAWindowsExecutableWithoutItsStructure() throws Exception {
        byte[] pe = TinyPe.pe32();
        String sha256 = storeFile(pe);

        JobResult result = scan("metadata", sha256);

        assertThat(result.probe()).isEqualTo("metadata");
        assertThat(result.retryable()).isFalse();
        assertThat(result.result().category()).isEqualTo(Category.UNDETECTED);
        assertThat(result.result().result()).isNull();
        assertThat(result.result().error()).isNull();
        assertThat(result.result().engineVersion()).startsWith("argus-metadata ");
        assertThat(result.result().signatureVersion()).startsWith("tika-mimetypes ");
        assertThat(result.result().details()).containsEntry("sha256", sha256).containsEntry("size", pe.length)
                .containsEntry("mimeType", "application/x-msdownload; format=pe32")
                .doesNotContainKeys("pe", "elf", "format");
    }

    @Test
    void executableDescribesTheStructureOfAWindowsExecutable() throws Exception {
        String sha256 = storeFile(TinyPe.pe32());

        JobResult result = scan("executable", sha256);

        assertThat(result.probe()).isEqualTo("executable");
        assertThat(result.retryable()).isFalse();
        assertThat(result.result().category()).isEqualTo(Category.UNDETECTED);
        assertThat(result.result().result()).isNull();
        assertThat(result.result().error()).isNull();
        assertThat(result.result().engineVersion()).startsWith("argus-executable ");
        assertThat(result.result().signatureVersion()).isNotBlank();
        Map<String, Object> details = result.result().details();
        assertThat(details).containsEntry("format", "pe").doesNotContainKeys("sha256", "mimeType");
        assertThat(details.get("pe")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("imports", Map.of("KERNEL32.dll", List.of("ExitProcess")))
                .containsEntry("format", "PE32");
    }

    @Test
    void registersBothEnginesOnlyTheExecutableOneWithAMimeFilter() {
        ProbeRegistered registered = broker.receive(Topology.PROBES_QUEUE, ProbeRegistered.class,
                r -> r.engines().stream().map(engine -> engine.name()).toList()
                        .containsAll(List.of("metadata", "executable"))).body();

        assertThat(registered.engines()).hasSize(2).anySatisfy(metadata -> {
            assertThat(metadata.name()).isEqualTo("metadata");
            assertThat(metadata.category()).isEqualTo(ProbeCategory.METADATA);
            assertThat(metadata.displayName()).isEqualTo("Metadata");
            assertThat(metadata.mimeTypes()).isNull();
            assertThat(metadata.timeoutMs()).isEqualTo(60_000);
            assertThat(metadata.engineVersion()).startsWith("argus-metadata ");
            assertThat(metadata.signatureVersion()).startsWith("tika-mimetypes ");
        }).anySatisfy(executable -> {
            assertThat(executable.name()).isEqualTo("executable");
            assertThat(executable.category()).isEqualTo(ProbeCategory.METADATA);
            assertThat(executable.displayName()).isEqualTo("Executable structure (PE/ELF)");
            assertThat(executable.mimeTypes()).isEqualTo(ExecutableEngine.MIME_TYPES);
            assertThat(executable.timeoutMs()).isEqualTo(60_000);
            assertThat(executable.engineVersion()).startsWith("argus-executable ");
            assertThat(executable.signatureVersion()).isNotBlank();
        });
    }

    private String storeFile(byte[] content) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        store.store(sha256, new ByteArrayInputStream(content));
        return sha256;
    }

    private JobResult scan(String probe, String sha256) {
        ProbeJob job = new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), sha256, probe,
                "application/x-msdownload; format=pe32", 1, false, Instant.now().plusSeconds(60));
        broker.send(new ScanFiles(probe, List.of(job)));
        TestBroker.Received<ResultsReported> report = broker.report(results, List.of(job.jobId()));
        assertThat(report.message().getMessageProperties().getReceivedRoutingKey()).isEqualTo("probe." + probe);
        assertThat(report.body().results()).hasSize(1);
        return report.body().results().getFirst();
    }
}
