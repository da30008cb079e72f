package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.sha256;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.uniqueContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sample download: an AES zip from the FTP store, password "infected", its entry named by the sha256.
 */
class SampleDownloadIntegrationTests extends AbstractSecurityIntegrationTests {

    @Test
    void anAdminDownloadsASampleAsAnAesZipThatOpensWithInfected(@TempDir Path temp) throws IOException {
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        // a name is data, kept as sent, path and all; the zip's entry is named by the sha256, never by it
        upload(admin, "../../evil name; rm -rf.exe", content, "dl");

        HttpResponse<byte[]> response = sendForBytes("/api/v1/files/" + sha256 + "/download");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).contains(sha256 + ".zip"));
        Path zip = temp.resolve("sample.zip");
        Files.write(zip, response.body());
        try (ZipFile archive = new ZipFile(zip.toFile(), "infected".toCharArray())) {
            List<FileHeader> entries = archive.getFileHeaders();
            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.getFileName()).isEqualTo(sha256);
                assertThat(entry.isEncrypted()).isTrue();
            });
            archive.extractAll(temp.resolve("out").toString());
        }
        assertThat(Files.readAllBytes(temp.resolve("out").resolve(sha256))).isEqualTo(content);
        try (ZipFile wrong = new ZipFile(zip.toFile(), "wrong".toCharArray())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.extractAll(temp.resolve("no").toString()))
                    .isInstanceOf(net.lingala.zip4j.exception.ZipException.class);
        }
        assertProblem(admin.get("/api/v1/files/" + "0".repeat(64) + "/download"), 404, "file-not-found");
        assertProblem(admin.get("/api/v1/files/xyz/download"), 400, "invalid-hash");
    }
}
