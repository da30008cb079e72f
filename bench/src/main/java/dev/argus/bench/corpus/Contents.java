package dev.argus.bench.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

/** Seeded file bodies: a header line, then text or random bytes up to the size (the header counts). */
final class Contents {

    private static final String[] WORDS = {"argus", "scan", "engine", "probe", "result", "file", "queue", "brain",
        "signature", "archive", "report", "verdict", "stream", "upload", "hash", "clean", "sample", "lorem",
        "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod"};
    private static final int BLOCK = 64 * 1024;

    private Contents() {
    }

    /** Words and line breaks, like a log or a document. */
    static void text(OutputStream out, String header, int size, Random random) throws IOException {
        byte[] head = CorpusGenerator.utf8(header);
        out.write(head);
        StringBuilder line = new StringBuilder(128);
        long remaining = size - (long) head.length;
        while (remaining > 0) {
            line.setLength(0);
            int words = 4 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                line.append(WORDS[random.nextInt(WORDS.length)]).append(w + 1 < words ? ' ' : '\n');
            }
            byte[] bytes = CorpusGenerator.utf8(line.toString());
            int count = (int) Math.min(bytes.length, remaining);
            out.write(bytes, 0, count);
            remaining -= count;
        }
    }

    /** Random bytes, which neither compress nor match anything. */
    static void binary(OutputStream out, String header, int size, Random random) throws IOException {
        byte[] head = CorpusGenerator.utf8(header);
        out.write(head);
        byte[] block = new byte[BLOCK];
        long remaining = size - (long) head.length;
        while (remaining > 0) {
            random.nextBytes(block);
            int count = (int) Math.min(block.length, remaining);
            out.write(block, 0, count);
            remaining -= count;
        }
    }

    /** Text with the EICAR string at a random place: clamd reports it. */
    static void withEicar(OutputStream out, String header, int size, Random random) throws IOException {
        int before = Math.max(0, size - header.length() - CorpusGenerator.EICAR.length());
        int split = random.nextInt(before + 1);
        text(out, header, header.length() + split, random);
        out.write(CorpusGenerator.utf8("\n" + CorpusGenerator.EICAR + "\n"));
        byte[] tail = new byte[before - split];
        java.util.Arrays.fill(tail, (byte) '.');
        out.write(tail);
    }
}
