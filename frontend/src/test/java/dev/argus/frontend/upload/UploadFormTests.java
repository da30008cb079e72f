package dev.argus.frontend.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.frontend.scan.ScanOptions;
import dev.argus.frontend.web.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadFormTests {

    @Test
    void readsEveryField() {
        ScanOptions options = UploadForm.options(Map.of(
                "probes", List.of("clamav, yara", "metadata"),
                "force", List.of("TRUE"),
                "tags", List.of("case-1,,case-2 ,case-1"),
                "metadata", List.of("{\"ticket\": 42, \"who\": {\"name\": \"ana\"}}")));

        assertThat(options.probes()).containsExactly("clamav", "yara", "metadata");
        assertThat(options.force()).isTrue();
        assertThat(options.tags()).containsExactly("case-1", "case-2");
        assertThat(options.metadata()).containsEntry("ticket", 42).containsEntry("who", Map.of("name", "ana"));
    }

    @Test
    void defaultsWhenFieldsAreAbsent() {
        ScanOptions options = UploadForm.options(Map.of());

        assertThat(options.probes()).isEmpty();
        assertThat(options.force()).isFalse();
        assertThat(options.tags()).isEmpty();
        assertThat(options.metadata()).isEmpty();
    }

    @Test
    void rejectsMalformedFieldsNamingThem() {
        assertRejected(Map.of("force", List.of("maybe")), "force");
        assertRejected(Map.of("metadata", List.of("{not json")), "metadata");
        assertRejected(Map.of("metadata", List.of("[1, 2]")), "metadata");
        assertRejected(Map.of("metadata", List.of("{}", "{}")), "metadata");
        assertRejected(Map.of("tags", List.of("x".repeat(65))), "tags");
    }

    private static void assertRejected(Map<String, List<String>> fields, String field) {
        assertThatThrownBy(() -> UploadForm.options(fields))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("'" + field + "'");
                });
    }
}
