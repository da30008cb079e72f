package dev.argus.bench.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a profile's corpus: file {@code i} is a pure function of (profile, seed, copy, i), and every file (and
 * every archive member) starts with a line naming them, so no two files of any corpus are equal and clamd's own
 * result cache never helps. Sizes are log-uniform between the profile's bounds. Tiny corpora hold text, random
 * binaries and about one file in twenty with the EICAR test string inside; mixed corpora add zip and tar.gz
 * archives of two to five members.
 */
public final class CorpusGenerator {

    /** The EICAR test string, which the test signatures detect anywhere in a file. */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private final Profile profile;
    private final long seed;
    private final String copy;

    /**
     * @param copy written into every header line: two copies of one seed have the same kinds, sizes and bodies
     *             but differ in that line, so each is new to clamd (the raw and the pipeline pass get one each,
     *             and every run gets its own)
     */
    public CorpusGenerator(Profile profile, long seed, String copy) {
        this.profile = profile;
        this.seed = seed;
        this.copy = copy;
    }

    /** Generates every file into {@code directory} (created if missing) and lists them in order. */
    public List<CorpusFile> writeAll(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<CorpusFile> files = new ArrayList<>(profile.files());
        for (int i = 0; i < profile.files(); i++) {
            files.add(write(i, directory));
        }
        return files;
    }

    /** Generates file {@code index} into {@code directory}. */
    public CorpusFile write(int index, Path directory) throws IOException {
        Files.createDirectories(directory);
        Random random = new Random(seed * 1_000_003L + index * 7_919L + profile.ordinal());
        ContentKind kind = kindOf(random);
        int size = sizeOf(random);
        String header = "argus-bench " + profile.label() + " seed=" + seed + " file=" + index + " copy=" + copy
                + "\n";
        Path path = directory.resolve(String.format("%05d%s", index, extension(kind)));
        try (OutputStream out = Files.newOutputStream(path)) {
            switch (kind) {
                case TEXT -> Contents.text(out, header, size, random);
                case BINARY -> Contents.binary(out, header, size, random);
                case EICAR -> Contents.withEicar(out, header, size, random);
                case ZIP -> Archives.zip(out, header, size, random);
                case TAR_GZ -> Archives.tarGz(out, header, size, random);
            }
        }
        return new CorpusFile(path, Files.size(path), kind);
    }

    private ContentKind kindOf(Random random) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return ContentKind.EICAR;
        }
        if (profile == Profile.MIXED && roll < 25) {
            return ContentKind.ZIP;
        }
        if (profile == Profile.MIXED && roll < 45) {
            return ContentKind.TAR_GZ;
        }
        return roll % 2 == 0 ? ContentKind.TEXT : ContentKind.BINARY;
    }

    private int sizeOf(Random random) {
        double low = Math.log(profile.minBytes());
        double high = Math.log(profile.maxBytes());
        return (int) Math.round(Math.exp(low + random.nextDouble() * (high - low)));
    }

    private static String extension(ContentKind kind) {
        return switch (kind) {
            case TEXT, EICAR -> ".txt";
            case BINARY -> ".bin";
            case ZIP -> ".zip";
            case TAR_GZ -> ".tar.gz";
        };
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
