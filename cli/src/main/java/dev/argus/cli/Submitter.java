package dev.argus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Uploads one planned batch, adapting to what the server refuses: 413 {@code too-many-files} lowers the batch
 * size to the server's {@code maxFiles} for this and later batches; a refusal that concerns one file
 * ({@code file-too-large}, {@code invalid-file-name}, …) splits the batch until that file is alone, and then
 * reports it as that file's error while the others go through; 503 {@code engine-backlog} (bulk work while an engine
 * is backed up) waits the problem's {@code retryAfterSeconds} and sends the batch again. Every other refusal is fatal.
 */
final class Submitter {

    /** A file that went into a scan, with the sha256 by which the scan lists it. */
    record Sent(FileCollector.Candidate file, String sha256) {
    }

    /** One accepted upload request. */
    record Submission(String scanId, List<Sent> files) {
    }

    /** The slug of the 503 that refuses bulk work while an engine's backlog is past its bound. */
    static final String ENGINE_BACKLOG = "engine-backlog";

    private static final Set<String> PER_FILE = Set.of("file-too-large", "invalid-file-name", "content-too-large",
            "too-many-parts");

    private final ArgusClient client;
    private final List<String> probes;
    private final boolean bulk;
    private volatile int maxFiles;

    /**
     * @param bulk send every upload as bulk work ({@code priority=bulk}): directory scans and watched directories,
     *             which the server queues behind interactive scans and refuses (503) while an engine is backed up
     */
    Submitter(ArgusClient client, List<String> probes, int maxFiles, boolean bulk) {
        this.client = client;
        this.probes = List.copyOf(probes);
        this.maxFiles = maxFiles;
        this.bulk = bulk;
    }

    /** The batch size now in force (lowered by a {@code too-many-files} answer). */
    int maxFiles() {
        return maxFiles;
    }

    /** Submits the batch; files the server or the disk refused are added to errors. */
    List<Submission> submit(List<FileCollector.Candidate> batch, List<FileCollector.Problem> errors) {
        List<Sent> sent = new ArrayList<>();
        for (FileCollector.Candidate file : batch) {
            try {
                sent.add(new Sent(file, sha256(file)));
            } catch (IOException e) {
                errors.add(new FileCollector.Problem(file.path(), FileCollector.reason(e)));
            }
        }
        List<Submission> submissions = new ArrayList<>();
        send(sent, errors, submissions);
        return submissions;
    }

    private void send(List<Sent> files, List<FileCollector.Problem> errors, List<Submission> submissions) {
        if (files.isEmpty()) {
            return;
        }
        if (files.size() > maxFiles) {
            for (int from = 0; from < files.size(); from += maxFiles) {
                send(files.subList(from, Math.min(files.size(), from + maxFiles)), errors, submissions);
            }
            return;
        }
        try {
            List<ArgusClient.Part> parts = files.stream()
                    .map(sent -> new ArgusClient.Part(sent.file().path(), sent.file().path().getFileName().toString()))
                    .toList();
            String scanId = client.submit(parts, probes, bulk).path("id").asString("");
            if (scanId.isEmpty()) {
                throw new CliException("the server accepted an upload but answered no scan id");
            }
            submissions.add(new Submission(scanId, List.copyOf(files)));
        } catch (ArgusClient.UnreadableFileException e) {
            List<Sent> rest = new ArrayList<>();
            for (Sent sent : files) {
                if (sent.file().path().equals(e.file())) {
                    errors.add(new FileCollector.Problem(sent.file().path(), e.getMessage()));
                } else {
                    rest.add(sent);
                }
            }
            if (rest.size() == files.size()) {
                throw e;
            }
            send(rest, errors, submissions);
        } catch (ApiException e) {
            if (e.status() == 413 && e.slug().equals("too-many-files") && files.size() > 1) {
                int limit = e.problem().path("maxFiles").asInt(files.size() / 2);
                maxFiles = Math.max(1, Math.min(limit, files.size() - 1));
                send(files, errors, submissions);
            } else if (PER_FILE.contains(e.slug()) && files.size() > 1) {
                int half = files.size() / 2;
                send(files.subList(0, half), errors, submissions);
                send(files.subList(half, files.size()), errors, submissions);
            } else if (PER_FILE.contains(e.slug())) {
                errors.add(new FileCollector.Problem(files.getFirst().file().path(), e.getMessage()));
            } else if (e.status() == 503 && e.slug().equals(ENGINE_BACKLOG)) {
                // bulk work while an engine is backed up: wait as the server says, then send the same batch again
                pause(e.problem().path("retryAfterSeconds").asLong(30));
                send(files, errors, submissions);
            } else {
                throw e;
            }
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.clamp(seconds, 1, 600)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for a backed-up engine");
        }
    }

    static String sha256(FileCollector.Candidate file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file.path())) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
