package dev.argus.probe.engine.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingDirectoryTests {

    private static final Duration NEVER_BY_ITSELF = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final AtomicInteger loads = new AtomicInteger();
    private ReloadingDirectory<Contents> reloading;

    @AfterEach
    void close() {
        if (reloading != null) {
            reloading.close();
        }
    }

    /** A snapshot of the files' contents, joined; a file containing "broken" cannot be loaded. */
    record Contents(String text, AtomicInteger retired) implements DirectorySnapshot {
        @Override
        public String version() {
            return "v:" + text;
        }

        @Override
        public String summary() {
            return "contents";
        }

        @Override
        public void retire() {
            retired.incrementAndGet();
        }
    }

    private Contents load(List<Path> files) throws IOException {
        loads.incrementAndGet();
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            String content = Files.readString(file);
            if (content.contains("broken")) {
                throw new IOException(file.getFileName() + " is broken");
            }
            text.append(content);
        }
        if (files.isEmpty()) {
            throw new IOException("no files");
        }
        return new Contents(text.toString(), new AtomicInteger());
    }

    private ReloadingDirectory<Contents> watch(Duration interval) {
        reloading = new ReloadingDirectory<>("test", dir, path -> path.toString().endsWith(".txt"), this::load,
                interval);
        return reloading;
    }

    private void write(String name, String content, String modified) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    @Test
    void loadsTheFilesOnStartAndFailsWithTheLoadersError() throws Exception {
        ReloadingDirectory<Contents> empty = watch(NEVER_BY_ITSELF);
        assertThatThrownBy(empty::start).hasMessage("no files");
        assertThat(empty.current()).isNull();

        write("a.txt", "A", "2026-01-01T00:00:00Z");
        assertThat(empty.start().text()).isEqualTo("A");
        assertThat(empty.current().text()).isEqualTo("A");
    }

    @Test
    void reloadsOnlyWhenTheFilesChangeAndRetiresTheReplacedSnapshot() throws Exception {
        write("a.txt", "A", "2026-01-01T00:00:00Z");
        ReloadingDirectory<Contents> watched = watch(NEVER_BY_ITSELF);
        Contents first = watched.start();

        watched.check();
        assertThat(loads).hasValue(1);
        assertThat(watched.current()).isSameAs(first);

        write("b.txt", "B", "2026-01-01T00:00:00Z");
        watched.check();

        assertThat(loads).hasValue(2);
        assertThat(watched.current().text()).isEqualTo("AB");
        assertThat(first.retired()).hasValue(1);
    }

    @Test
    void keepsThePreviousSnapshotWhenTheChangedFilesCannotBeLoadedAndDoesNotRetryThem() throws Exception {
        write("a.txt", "A", "2026-01-01T00:00:00Z");
        ReloadingDirectory<Contents> watched = watch(NEVER_BY_ITSELF);
        Contents first = watched.start();

        write("a.txt", "broken", "2026-01-02T00:00:00Z");
        watched.check();
        watched.check();

        assertThat(loads).hasValue(2);
        assertThat(watched.current()).isSameAs(first);
        assertThat(first.retired()).hasValue(0);

        write("a.txt", "fixed", "2026-01-03T00:00:00Z");
        watched.check();
        assertThat(watched.current().text()).isEqualTo("fixed");
    }

    @Test
    void keepsThePreviousSnapshotWhenEveryFileIsRemoved() throws Exception {
        write("a.txt", "A", "2026-01-01T00:00:00Z");
        ReloadingDirectory<Contents> watched = watch(NEVER_BY_ITSELF);
        Contents first = watched.start();

        Files.delete(dir.resolve("a.txt"));
        watched.check();

        assertThat(watched.current()).isSameAs(first);
    }

    @Test
    void loadsUnchangedFilesAgainWhenAsked() throws Exception {
        write("a.txt", "A", "2026-01-01T00:00:00Z");
        ReloadingDirectory<Contents> watched = watch(NEVER_BY_ITSELF);
        Contents first = watched.start();

        watched.reloadOnNextCheck();
        watched.check();

        assertThat(loads).hasValue(2);
        assertThat(watched.current()).isNotSameAs(first);
        watched.check();
        assertThat(loads).hasValue(2);
    }

    @Test
    void noticesAChangeByItselfWithinTheCheckInterval() throws Exception {
        write("a.txt", "A", "2026-01-01T00:00:00Z");
        ReloadingDirectory<Contents> watched = watch(Duration.ofMillis(50));
        watched.start();

        write("a.txt", "A2", "2026-01-02T00:00:00Z");

        await().atMost(Duration.ofSeconds(5)).until(() -> watched.current().text().equals("A2"));
    }

    @Test
    void retiresTheCurrentSnapshotOnClose() throws Exception {
        write("a.txt", "A", "2026-01-01T00:00:00Z");
        ReloadingDirectory<Contents> watched = watch(NEVER_BY_ITSELF);
        Contents first = watched.start();

        watched.close();

        assertThat(first.retired()).hasValue(1);
        assertThat(watched.current()).isNull();
    }
}
