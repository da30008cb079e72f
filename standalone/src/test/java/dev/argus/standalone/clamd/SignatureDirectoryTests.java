package dev.argus.standalone.clamd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureDirectoryTests {

    @TempDir
    Path temp;

    @Test
    void copiesTheBundledTestSignatures() {
        Path database = temp.resolve("db");
        SignatureDirectory.Contents contents = SignatureDirectory.prepare(database, temp.resolve("missing"));
        assertThat(contents.bundled()).contains("argus-test.hdb", "argus-test.ndb");
        assertThat(database.resolve("argus-test.hdb")).isRegularFile().content()
                .contains("44d88612fea8a8f36de82e1278abb02f");
        assertThat(contents.official()).isEmpty();
    }

    @Test
    void linksTheSystemsOfficialDatabasesOnlyAndDropsLinksWhoseFileIsGone() throws Exception {
        Path system = Files.createDirectories(temp.resolve("system"));
        Path daily = Files.writeString(system.resolve("daily.cld"), "x");
        Files.writeString(system.resolve("main.cvd"), "x");
        Files.writeString(system.resolve("freshclam.dat"), "x");
        Path database = temp.resolve("db");

        SignatureDirectory.prepare(database, system);
        assertThat(database.resolve("daily.cld")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(database.resolve("daily.cld"))).isEqualTo(daily.toAbsolutePath());
        assertThat(database.resolve("main.cvd")).isSymbolicLink();
        assertThat(database.resolve("freshclam.dat")).doesNotExist();

        Files.delete(system.resolve("main.cvd"));
        SignatureDirectory.prepare(database, system);
        assertThat(database.resolve("main.cvd")).doesNotExist();
        assertThat(database.resolve("daily.cld")).isSymbolicLink();
        assertThat(database.resolve("argus-test.ndb")).isRegularFile();
    }
}
