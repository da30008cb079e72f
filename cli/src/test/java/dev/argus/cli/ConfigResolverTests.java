package dev.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTests {

    @TempDir
    Path home;

    @Test
    void optionsWinOverEnvironmentWhichWinsOverTheFile() throws IOException {
        Path file = config("url=http://file:1\napi-key=file-key\n", "rw-------");
        Map<String, String> env = Map.of("ARGUS_URL", "http://env:2", "ARGUS_API_KEY", "env-key");

        assertThat(new ConfigResolver(env, home).resolve("http://option:3/", "option-key", file))
                .isEqualTo(new CliConfig(java.net.URI.create("http://option:3"), "option-key"));
        assertThat(new ConfigResolver(env, home).resolve(null, null, file))
                .isEqualTo(new CliConfig(java.net.URI.create("http://env:2"), "env-key"));
        assertThat(new ConfigResolver(Map.of("ARGUS_URL", "http://env:2"), home).resolve(null, null, file))
                .isEqualTo(new CliConfig(java.net.URI.create("http://env:2"), "file-key"));
        assertThat(new ConfigResolver(Map.of(), home).resolve(null, null, file))
                .isEqualTo(new CliConfig(java.net.URI.create("http://file:1"), "file-key"));
    }

    @Test
    void readsTheDefaultFileUnderTheHomeDirectory() throws IOException {
        Path file = home.resolve(".config/argus/cli.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "url=https://argus.example:8443\napi-key=k\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(new ConfigResolver(Map.of(), home).resolve(null, null, null).url())
                .hasToString("https://argus.example:8443");
    }

    @Test
    void refusesAFileHoldingAKeyThatGroupOrOthersMayRead() throws IOException {
        Path file = config("url=http://file:1\napi-key=secret-key-value\n", "rw-r--r--");

        assertThatThrownBy(() -> new ConfigResolver(Map.of("ARGUS_API_KEY", "env-key"), home).resolve(null, null, file))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("holds an API key").hasMessageContaining("chmod 600")
                .hasMessageNotContaining("secret-key-value");
    }

    @Test
    void acceptsAReadableFileWithoutAKey() throws IOException {
        Path file = config("url=http://file:1\n", "rw-r--r--");

        assertThat(new ConfigResolver(Map.of("ARGUS_API_KEY", "env-key"), home).resolve(null, null, file).url())
                .hasToString("http://file:1");
    }

    @Test
    void aMissingDefaultFileIsFineButANamedOneIsNot() {
        ConfigResolver resolver = new ConfigResolver(Map.of("ARGUS_URL", "http://env:2", "ARGUS_API_KEY", "k"), home);

        assertThat(resolver.resolve(null, null, null).url()).hasToString("http://env:2");
        assertThatThrownBy(() -> resolver.resolve(null, null, home.resolve("absent.properties")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void saysWhatIsMissingOrWrong() {
        ConfigResolver resolver = new ConfigResolver(Map.of(), home);

        assertThatThrownBy(() -> resolver.resolve(null, "k", null)).hasMessageContaining("no server URL");
        assertThatThrownBy(() -> resolver.resolve("http://x:1", null, null)).hasMessageContaining("no API key");
        assertThatThrownBy(() -> resolver.resolve("ftp://x", "k", null)).hasMessageContaining("http:// or https://");
    }

    @Test
    void neverShowsTheKey() {
        assertThat(new CliConfig(java.net.URI.create("http://x:1"), "the-secret").toString())
                .doesNotContain("the-secret");
    }

    private Path config(String content, String permissions) throws IOException {
        Path file = home.resolve("cli.properties");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
