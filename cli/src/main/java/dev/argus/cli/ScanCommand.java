package dev.argus.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code argus scan PATH…}: uploads files and directories in batches, optionally waits for the verdicts. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = ArgusCli.Version.class,
        description = {"Uploads files and directories (recursively, not following symbolic links inside them) "
                + "in batches and, with --wait, waits for every verdict.",
                "Exit code: 0 nothing malicious (or, without --wait, everything submitted), 1 a malicious file, "
                        + "2 an error (server, key, or a file that could not be scanned)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing malicious; without --wait: everything submitted",
                "1:at least one file is malicious", "2:an error (unreachable server, refused key, unreadable file)"})
public final class ScanCommand implements Callable<Integer> {

    /** The server's default {@code argus.upload.max-files} is 100; half leaves room and keeps requests short. */
    static final int DEFAULT_BATCH_FILES = 50;
    static final long DEFAULT_BATCH_BYTES = 64L * 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> ACTIVE = Set.of("queued", "running");

    @Mixin
    ConnectionOptions connection;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and directories to scan.")
    List<Path> paths;

    @Option(names = "--probes", split = ",", paramLabel = "NAME",
            description = "Probes to run, comma-separated (default: every probe online).")
    List<String> probes = List.of();

    @Option(names = "--wait", description = "Wait until every scan is over and print each file's verdict.")
    boolean wait;

    @Option(names = "--json", description = "Print one JSON document at the end instead of lines.")
    boolean json;

    @Option(names = "--batch-files", paramLabel = "N", defaultValue = "" + DEFAULT_BATCH_FILES,
            description = "At most N files per upload request (default ${DEFAULT-VALUE}).")
    int batchFiles;

    @Option(names = "--batch-bytes", paramLabel = "BYTES", defaultValue = "" + DEFAULT_BATCH_BYTES,
            description = "At most BYTES of content per upload request of several files (default ${DEFAULT-VALUE}).")
    long batchBytes;

    private final ConfigResolver resolver;
    private final PrintStream out;
    private final boolean terminal;

    public ScanCommand(ConfigResolver resolver, PrintStream out, boolean terminal) {
        this.resolver = resolver;
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (batchFiles < 1 || batchBytes < 1) {
            throw new CliException("--batch-files and --batch-bytes must be at least 1");
        }
        ArgusClient client = new ArgusClient(connection.resolve(resolver));
        ScanReporter reporter = json ? new ScanReporter.Json(out)
                : terminal ? new ScanReporter.Terminal(out) : new ScanReporter.Plain(out);
        ScanSummary summary;
        try {
            summary = run(client, reporter);
        } catch (RuntimeException | InterruptedException e) {
            reporter.aborted();
            throw e;
        }
        reporter.ended(summary);
        return summary.exitCode();
    }

    private ScanSummary run(ArgusClient client, ScanReporter reporter) throws InterruptedException {
        FileCollector.Collected collected = FileCollector.collect(paths);
        List<FileCollector.Problem> errors = Collections.synchronizedList(new ArrayList<>(collected.errors()));
        List<FileOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<String> scanIds = new ArrayList<>();
        reporter.started(collected.files().size());
        // a directory scan is bulk work; files named one by one are interactive
        boolean bulk = paths.stream().anyMatch(java.nio.file.Files::isDirectory);
        Submitter submitter = new Submitter(client, probes, batchFiles, bulk);
        List<Future<List<FileOutcome>>> waiting = new ArrayList<>();
        Semaphore polls = new Semaphore(8);
        try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<FileCollector.Candidate> batch : Batcher.plan(collected.files(), batchFiles, batchBytes)) {
                for (Submitter.Submission submission : submitter.submit(batch, errors)) {
                    scanIds.add(submission.scanId());
                    reporter.uploaded(submission.files().size());
                    if (wait) {
                        waiting.add(waiters.submit(() -> {
                            List<FileOutcome> done = await(client, submission, polls);
                            reporter.finished(done);
                            return done;
                        }));
                    } else {
                        List<FileOutcome> submitted = submission.files().stream()
                                .map(sent -> FileOutcome.submitted(sent.file().path().toString(), sent.sha256(),
                                        sent.file().size(), submission.scanId()))
                                .toList();
                        reporter.finished(submitted);
                        outcomes.addAll(submitted);
                    }
                }
            }
            for (Future<List<FileOutcome>> future : waiting) {
                try {
                    outcomes.addAll(future.get());
                } catch (ExecutionException e) {
                    waiters.shutdownNow();
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new CliException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        }
        return new ScanSummary(wait, List.copyOf(scanIds), List.copyOf(outcomes), List.copyOf(errors),
                collected.skipped());
    }

    /** Long-polls the scan until it is over; its files, matched to the local paths by sha256. */
    static List<FileOutcome> await(ArgusClient client, Submitter.Submission submission, Semaphore polls)
            throws InterruptedException {
        JsonNode scan;
        do {
            polls.acquire();
            try {
                scan = client.scan(submission.scanId(), WAIT);
            } finally {
                polls.release();
            }
        } while (ACTIVE.contains(scan.path("status").asString("")));
        Map<String, JsonNode> uploaded = new HashMap<>();
        for (JsonNode file : scan.path("files")) {
            if (file.path("depth").asInt(0) == 0) {
                uploaded.putIfAbsent(file.path("sha256").asString(""), file);
            }
        }
        return submission.files().stream()
                .map(sent -> FileOutcome.judged(sent.file().path().toString(), sent.sha256(), sent.file().size(),
                        submission.scanId(), uploaded.get(sent.sha256())))
                .toList();
    }
}
