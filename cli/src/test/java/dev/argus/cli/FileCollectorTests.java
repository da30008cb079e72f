package dev.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCollectorTests {

    @TempDir
    Path tree;

    @Test
    void walksDirectoriesRecursivelyWithoutFollowingSymbolicLinks() throws IOException {
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("top.txt"), "1");
        Files.writeString(tree.resolve("a/b/deep.txt"), "22");
        Path outside = Files.createTempFile("argus-outside", ".txt");
        Files.createSymbolicLink(tree.resolve("a/link-out"), outside);
        Files.createSymbolicLink(tree.resolve("a/loop"), tree);

        FileCollector.Collected collected = FileCollector.collect(List.of(tree, tree.resolve("missing")));

        assertThat(collected.files()).extracting(FileCollector.Candidate::path)
                .containsExactlyInAnyOrder(tree.resolve("top.txt"), tree.resolve("a/b/deep.txt"));
        assertThat(collected.files()).filteredOn(file -> file.path().endsWith("deep.txt"))
                .extracting(FileCollector.Candidate::size).containsExactly(2L);
        assertThat(collected.skipped()).extracting(FileCollector.Problem::path)
                .containsExactlyInAnyOrder(tree.resolve("a/link-out"), tree.resolve("a/loop"));
        assertThat(collected.errors()).containsExactly(
                new FileCollector.Problem(tree.resolve("missing"), "no such file or directory"));
        Files.delete(outside);
    }

    @Test
    void followsASymbolicLinkNamedOnTheCommandLine() throws IOException {
        Path real = Files.createDirectories(tree.resolve("real"));
        Files.writeString(real.resolve("x.txt"), "x");
        Path link = Files.createSymbolicLink(tree.resolve("link"), real);

        FileCollector.Collected collected = FileCollector.collect(List.of(link));

        assertThat(collected.files()).extracting(FileCollector.Candidate::path).containsExactly(link.resolve("x.txt"));
    }
}
