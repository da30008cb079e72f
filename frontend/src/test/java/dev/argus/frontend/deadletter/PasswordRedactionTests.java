package dev.argus.frontend.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanRequested;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordRedactionTests {

    @Test
    void aParkedScanRequestedOrScanFilesKeepsNoPasswordButEverythingElse() {
        ScanRequested request = new ScanRequested(UUID.randomUUID(), List.of(new ScanFile("a".repeat(64), 3,
                "application/zip")), List.of("extract"), false, Instant.now(), List.of("hunter2", "infected-too"));
        ScanFiles batch = new ScanFiles("extract", List.of(new ProbeJob(UUID.randomUUID(), request.scanId(),
                "a".repeat(64), "extract", "application/zip", 1, false, Instant.now(), List.of("hunter2"))));

        for (Object message : List.of(request, batch)) {
            byte[] body = ArgusJson.mapper().writeValueAsBytes(message);
            String stored = new String(PasswordRedaction.redacted(body), StandardCharsets.UTF_8);
            assertThat(stored).doesNotContain("hunter2").doesNotContain("infected-too").contains("\"passwords\":[]")
                    .contains(request.scanId().toString());
        }
        ScanRequested readBack = ArgusJson.mapper().readValue(PasswordRedaction.redacted(
                ArgusJson.mapper().writeValueAsBytes(request)), ScanRequested.class);
        assertThat(readBack.files()).isEqualTo(request.files());
        assertThat(readBack.passwords()).isEmpty();
    }

    @Test
    void aBodyWithoutPasswordsOrNotJsonIsKeptAsItIs() {
        byte[] plain = "not json {".getBytes(StandardCharsets.UTF_8);
        byte[] broken = "{\"passwords\": [".getBytes(StandardCharsets.UTF_8);
        byte[] none = "{\"scanId\":\"x\",\"passwords\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(PasswordRedaction.redacted(plain)).isSameAs(plain);
        assertThat(PasswordRedaction.redacted(broken)).isSameAs(broken);
        assertThat(PasswordRedaction.redacted(none)).isSameAs(none);
    }
}
