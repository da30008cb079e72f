package dev.argus.cli;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argus watch DIR}: watches a directory tree and scans each new or changed file once it has stopped
 * changing, printing one line per result; with {@code --quarantine} malicious files are moved away. Runs until
 * interrupted. Symbolic links are neither followed nor scanned; the quarantine, if inside the tree, is not
 * watched.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = ArgusCli.Version.class,
        description = {"Watches DIR (recursively) and scans every new or changed file once it has stopped changing; "
                + "prints one line per result. Runs until interrupted (Ctrl-C).",
                "Files already in DIR when the watch starts are not scanned: use `argus scan` for them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"2:DIR missing, the server unreachable at the start, or the key refused"})
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "DIR", description = "The directory to watch.")
    Path directory;

    @Option(names = "--quarantine", paramLabel = "QDIR",
            description = "Move malicious files into QDIR (created owner-only if missing; never overwrites).")
    Path quarantineDirectory;

    @Option(names = "--probes", split = ",", paramLabel = "NAME",
            description = "Probes to run, comma-separated (default: every probe online).")
    List<String> probes = List.of();

    @Option(names = "--settle", paramLabel = "MILLIS", defaultValue = "2000",
            description = "A file is scanned once its size and modification time have not changed for this "
                    + "many milliseconds (default ${DEFAULT-VALUE}).")
    long settleMillis;

    private final ConfigResolver resolver;
    private final PrintStream out;
    private final PrintStream err;

    private final Map<WatchKey, Path> watched = new HashMap<>();
    private final Map<Path, Observation> pending = new LinkedHashMap<>();
    private Path quarantineRoot;

    public WatchCommand(ConfigResolver resolver, PrintStream out, PrintStream err) {
        this.resolver = resolver;
        this.out = out;
        this.err = err;
    }

    /** A file's size and modification time when last looked at, and since when they have not changed. */
    private record Observation(long size, long modified, long sinceNanos) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(directory)) {
            throw new CliException(Files.exists(directory) ? directory + " is not a directory"
                    : "no such directory: " + directory);
        }
        ArgusClient client = new ArgusClient(connection.resolve(resolver));
        client.probes(); // the server is there and takes the key, before anything is watched
        Quarantine quarantine = quarantineDirectory == null ? null : new Quarantine(quarantineDirectory);
        quarantineRoot = quarantine == null ? null : quarantine.directory();
        // what a watched directory receives is bulk work
        Submitter submitter = new Submitter(client, probes, ScanCommand.DEFAULT_BATCH_FILES, true);
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            register(service, directory, false);
            out.println("watching " + directory + (quarantine == null ? "" : ", quarantine " + quarantineRoot)
                    + " (Ctrl-C to stop)");
            out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.poll(250, TimeUnit.MILLISECONDS);
                while (key != null) {
                    handle(service, key);
                    key = service.poll();
                }
                List<FileCollector.Candidate> ready = settled();
                if (!ready.isEmpty()) {
                    scan(client, submitter, quarantine, ready);
                }
            }
        }
        return ExitCodes.CLEAN;
    }

    private void handle(WatchService service, WatchKey key) throws IOException {
        Path parent = watched.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || parent == null) {
                err.println("argus: too many changes at once in " + parent + "; some may not be scanned");
                continue;
            }
            Path child = parent.resolve((Path) event.context());
            if (isQuarantine(child)) {
                continue;
            }
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (event.kind() == ENTRY_CREATE) {
                    register(service, child, true); // a new directory: what it already holds is new too
                }
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                pending.putIfAbsent(child, new Observation(-1, -1, System.nanoTime()));
            }
        }
        if (!key.reset()) {
            watched.remove(key);
        }
    }

    private void register(WatchService service, Path root, boolean addFiles) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (isQuarantine(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                watched.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (addFiles && attributes.isRegularFile()) {
                    pending.putIfAbsent(file, new Observation(-1, -1, System.nanoTime()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                err.println("argus: " + file + ": " + FileCollector.reason(e));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean isQuarantine(Path path) {
        if (quarantineRoot == null) {
            return false;
        }
        try {
            return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && path.toRealPath().equals(quarantineRoot);
        } catch (IOException e) {
            return false;
        }
    }

    /** The pending files whose size and modification time have held for the settle time; they leave pending. */
    private List<FileCollector.Candidate> settled() {
        List<FileCollector.Candidate> ready = new ArrayList<>();
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Path, Observation>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Observation> entry = it.next();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(entry.getKey(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                it.remove();
                continue;
            }
            if (!attributes.isRegularFile()) {
                it.remove();
                continue;
            }
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            Observation seen = entry.getValue();
            if (seen.size() != size || seen.modified() != modified) {
                entry.setValue(new Observation(size, modified, now));
            } else if (now - seen.sinceNanos() >= TimeUnit.MILLISECONDS.toNanos(settleMillis)) {
                ready.add(new FileCollector.Candidate(entry.getKey(), size));
                it.remove();
            }
        }
        return ready;
    }

    private void scan(ArgusClient client, Submitter submitter, Quarantine quarantine,
                      List<FileCollector.Candidate> files) throws InterruptedException {
        List<FileCollector.Problem> errors = new ArrayList<>();
        try {
            for (Submitter.Submission submission : submitter.submit(files, errors)) {
                for (FileOutcome outcome : ScanCommand.await(client, submission, new Semaphore(1))) {
                    out.println(ScanReporter.line(outcome) + quarantined(quarantine, outcome));
                }
            }
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            err.println("argus: " + e.getMessage());
        } catch (CliException e) {
            err.println("argus: " + e.getMessage());
        }
        errors.forEach(problem -> out.println(ScanReporter.errorLine(problem)));
        out.flush();
    }

    private String quarantined(Quarantine quarantine, FileOutcome outcome) {
        if (quarantine == null || !outcome.malicious()) {
            return "";
        }
        try {
            return " -> quarantined as " + quarantine.admit(Path.of(outcome.path()), outcome.sha256());
        } catch (IOException e) {
            return " (" + (e.getMessage() != null && e.getMessage().startsWith("not moved")
                    ? e.getMessage() : "not moved: " + FileCollector.reason(e)) + ")";
        }
    }
}
