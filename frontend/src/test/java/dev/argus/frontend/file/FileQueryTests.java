package dev.argus.frontend.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.frontend.web.ApiException;
import org.junit.jupiter.api.Test;

class FileQueryTests {

    @Test
    void tellsTagHashAndNameQueriesApart() {
        assertThat(FileQuery.parse(null).kind()).isEqualTo(FileQuery.Kind.ALL);
        assertThat(FileQuery.parse("tag:case-7")).isEqualTo(new FileQuery(FileQuery.Kind.TAG, "case-7"));
        assertThat(FileQuery.parse("44D88612")).isEqualTo(new FileQuery(FileQuery.Kind.HASH_OR_NAME, "44d88612"));
        assertThat(FileQuery.parse("eicar")).isEqualTo(new FileQuery(FileQuery.Kind.NAME, "eicar"));
    }

    @Test
    void escapesLikeWildcardsInNames() {
        assertThat(FileQuery.parse("100%_a\\b").containsPattern()).isEqualTo("%100\\%\\_a\\\\b%");
    }

    @Test
    void rejectsEmptyTag() {
        assertThatThrownBy(() -> FileQuery.parse("tag: ")).isInstanceOf(ApiException.class).hasMessageContaining("query");
    }
}
