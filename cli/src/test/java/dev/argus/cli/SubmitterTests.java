package dev.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitterTests {

    @TempDir
    Path dir;

    /** A file that vanished (or became unreadable) after the walk is that file's error; nothing is sent for it. */
    @Test
    void aFileThatCannotBeReadAnyMoreIsReportedNotFatal() {
        Submitter submitter = new Submitter(new ArgusClient(new CliConfig(URI.create("http://127.0.0.1:1"), "k")),
                List.of(), 50, false);
        List<FileCollector.Problem> errors = new ArrayList<>();
        Path gone = dir.resolve("gone.txt");

        List<Submitter.Submission> submissions = submitter.submit(List.of(new FileCollector.Candidate(gone, 3)), errors);

        assertThat(submissions).isEmpty();
        assertThat(errors).containsExactly(new FileCollector.Problem(gone, "no such file or directory"));
    }
}
