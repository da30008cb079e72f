package dev.argus.probe.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.probe.engine.configfile.ConfigCheck;
import dev.argus.probe.engine.configfile.Verdict;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteEngineSpecsTests {

    static final String SYNC = """
            name: svc
            submit: {url: "https://scanner.example:8443/scan"}
            answer: {category: /verdict}
            """;

    @TempDir
    Path dir;

    @Test
    void aServiceWithoutPollIsSynchronousWithTheDocumentedDefaults() throws IOException {
        RemoteEngineSpec spec = valid(SYNC, Map.of());

        assertThat(spec.synchronous()).isTrue();
        assertThat(spec.service()).isEqualTo(URI.create("https://scanner.example:8443"));
        assertThat(spec.submit().method()).isEqualTo("POST");
        assertThat(spec.submit().multipart()).isTrue();
        assertThat(spec.submit().field()).isEqualTo("file");
        assertThat(spec.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.maxAnswer()).isEqualTo(1024 * 1024);
        assertThat(spec.auth()).isNull();
        assertThat(spec.answer().categories()).isEmpty();
    }

    @Test
    void readsTheShippedExampleWithItsSecretFromTheEnvironmentAndMasksIt() {
        Path example = RemoteEngineIntegrationTests.EXAMPLES.resolve("private-scanner.yaml");
        ConfigCheck check = new ConfigCheck(example);

        RemoteEngineSpec spec = RemoteEngineSpecs.read(example, Map.of(), Map.of("SANDBOX_TOKEN", "abc123")::get,
                check).orElseThrow();

        assertThat(spec.synchronous()).isFalse();
        assertThat(spec.poll().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(spec.poll().url().expand(Map.of("jobId", "42"))).isEqualTo("http://127.0.0.1:8000/api/v1/scans/42");
        assertThat(spec.answer().categories()).containsEntry("infected", Verdict.MALICIOUS)
                .containsEntry("unsupported", Verdict.FAILURE_TERMINAL);
        assertThat(spec.auth().value()).isEqualTo("Bearer abc123");
        assertThat(spec.auth()).hasToString("Authorization: ****");
        assertThat(spec.toString()).doesNotContain("abc123");
    }

    @Test
    void anAsynchronousServiceMustSayWhereTheJobIs() throws IOException {
        assertThat(problems("""
                name: svc
                submit: {url: "http://h/scan"}
                poll: {url: "http://h/jobs/{jobId}"}
                answer: {status: /state, done: [done], category: /verdict}
                """)).satisfiesExactlyInAnyOrder(
                one -> assertThat(one).contains("field 'submit' must say where the job is with exactly one of jobId"),
                two -> assertThat(two).contains("field 'poll.url' is set but the status URL comes from the submit"));
    }

    @Test
    void rejectsAPollUrlWithAnUnknownPlaceholderAndAStatusWithoutDoneValues() throws IOException {
        assertThat(problems("""
                name: svc
                submit: {url: "http://h/scan", jobId: /id}
                poll: {url: "http://h/jobs/{job}"}
                answer: {status: /state, category: /verdict}
                """)).satisfiesExactlyInAnyOrder(
                one -> assertThat(one).contains("field 'poll.url' uses the unknown placeholder {job}; available here:"
                        + " {jobId}"),
                two -> assertThat(two).contains("field 'answer.done' is missing"));
    }

    @Test
    void rejectsASecretWrittenInTheFile() throws IOException {
        assertThat(problems(SYNC + "auth: {header: X-Api-Key, value: abc123}\n")).singleElement().asString()
                .contains("field 'auth.value' holds the secret itself; write it as ${env:NAME}")
                .doesNotContain("abc123");
    }

    @Test
    void rejectsBadUrlsPointersVerdictsAndModes() throws IOException {
        assertThat(problems("""
                name: svc
                mode: later
                submit: {url: "ftp://h/scan", body: form}
                answer: {category: verdict, categories: {infected: evil}}
                """)).satisfiesExactlyInAnyOrder(
                one -> assertThat(one).contains("field 'mode' is 'later', not sync"),
                two -> assertThat(two).contains("field 'submit.url' 'ftp://h/scan' is not an absolute http://"),
                three -> assertThat(three).contains("field 'submit.body' is 'form', not multipart"),
                four -> assertThat(four).contains("field 'answer.category' 'verdict' is not a JSON Pointer"),
                five -> assertThat(five).contains("field 'answer.categories.infected' is 'evil', not one of"));
    }

    @Test
    void aSynchronousServiceCannotAlsoBePolled() throws IOException {
        assertThat(problems(SYNC.replace("name: svc", "name: svc\nmode: sync") + "poll: {interval: 1s}\n"))
                .singleElement().asString().contains("field 'poll' is set but mode is sync");
    }

    private RemoteEngineSpec valid(String yaml, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("svc.yaml"), yaml);
        ConfigCheck check = new ConfigCheck(file);
        Optional<RemoteEngineSpec> spec = RemoteEngineSpecs.read(file, Map.of(), env::get, check);
        assertThat(check.problems()).isEmpty();
        return spec.orElseThrow();
    }

    private List<String> problems(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("svc.yaml"), yaml);
        ConfigCheck check = new ConfigCheck(file);
        assertThat(RemoteEngineSpecs.read(file, Map.of(), name -> null, check)).isEmpty();
        return check.problems();
    }
}
