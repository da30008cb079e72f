package dev.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.bench.corpus.Profile;
import dev.argus.bench.pipeline.Client;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTests {

    @Test
    void byDefaultPollingClientsRunTheIssuesThreeWorkloadsOnTheRepositorysBuild() {
        BenchOptions options = BenchOptions.parse(new String[] {"--repository", "/tmp/repo"});

        assertThat(options.clients()).containsExactly(Client.POLL);
        assertThat(options.workloads()).extracting(Workload::label).containsExactly("mixed", "tiny-x10", "tiny");
        assertThat(options.profiles()).containsExactly(Profile.MIXED, Profile.TINY);
        assertThat(options.corpusFiles()).containsEntry(Profile.TINY, 2000).containsEntry(Profile.MIXED, 500);
        assertThat(options.argusHome()).isEqualTo(Path.of("/tmp/repo"));
    }

    @Test
    void takesSeveralClientKindsSmallerCorporaAndAnotherBuild() {
        BenchOptions options = BenchOptions.parse(new String[] {"--client", "poll,longpoll,sse",
                "--tiny-files", "300", "--mixed-files", "100", "--jars", "/tmp/old-build"});

        assertThat(options.clients()).containsExactly(Client.POLL, Client.LONGPOLL, Client.SSE);
        assertThat(options.corpusFiles()).containsEntry(Profile.TINY, 300).containsEntry(Profile.MIXED, 100);
        assertThat(options.argusHome()).isEqualTo(Path.of("/tmp/old-build"));
    }

    @Test
    void profileAndFilesPerScanStillSpellTheWorkloads() {
        BenchOptions options = BenchOptions.parse(new String[] {"--profile", "tiny", "--files-per-scan", "1,10"});

        assertThat(options.workloads()).containsExactly(new Workload(Profile.TINY, 1), new Workload(Profile.TINY, 10));
        assertThat(BenchOptions.parse(new String[] {"--workloads", "mixed:10"}).workloads())
                .containsExactly(new Workload(Profile.MIXED, 10));
    }

    @Test
    void refusesMoreFilesPerUploadThanTheFrontendTakes() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--workloads", "tiny:101"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argus.upload.max-files");
    }
}
