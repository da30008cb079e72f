package dev.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatcherTests {

    @Test
    void boundsEachBatchByCount() {
        List<FileCollector.Candidate> files = files(7, 10);

        List<List<FileCollector.Candidate>> batches = Batcher.plan(files, 3, 1_000);

        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(files);
    }

    @Test
    void boundsEachBatchByBytes() {
        List<List<FileCollector.Candidate>> batches = Batcher.plan(files(5, 40), 100, 100);

        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
    }

    @Test
    void sendsAFileLargerThanTheByteBoundAlone() {
        List<FileCollector.Candidate> files = List.of(file("a", 10), file("big", 500), file("b", 10), file("c", 10));

        List<List<FileCollector.Candidate>> batches = Batcher.plan(files, 100, 100);

        assertThat(batches).containsExactly(List.of(file("a", 10)), List.of(file("big", 500)),
                List.of(file("b", 10), file("c", 10)));
    }

    @Test
    void planNothingForNoFiles() {
        assertThat(Batcher.plan(List.of(), 10, 10)).isEmpty();
    }

    private static List<FileCollector.Candidate> files(int count, long size) {
        return IntStream.range(0, count).mapToObj(i -> file("f" + i, size)).toList();
    }

    private static FileCollector.Candidate file(String name, long size) {
        return new FileCollector.Candidate(Path.of(name), size);
    }
}
