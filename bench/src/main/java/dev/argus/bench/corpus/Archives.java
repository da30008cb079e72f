package dev.argus.bench.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Archives of two to five members (text or random bytes) whose sizes add up to about the requested size; entry
 * times are fixed so the same seed gives the same bytes.
 */
final class Archives {

    private static final FileTime EPOCH = FileTime.fromMillis(0);
    private static final long TAR_TIME = 0L;

    private Archives() {
    }

    static void zip(OutputStream out, String header, int size, Random random) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        int members = 2 + random.nextInt(4);
        for (int m = 0; m < members; m++) {
            ZipEntry entry = new ZipEntry("member-" + m + ".dat");
            entry.setLastModifiedTime(EPOCH);
            entry.setCreationTime(EPOCH);
            entry.setLastAccessTime(EPOCH);
            zip.putNextEntry(entry);
            zip.write(member(header + "member=" + m + "\n", size / members, random));
            zip.closeEntry();
        }
        zip.finish();
    }

    static void tarGz(OutputStream out, String header, int size, Random random) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip);
        int members = 2 + random.nextInt(4);
        for (int m = 0; m < members; m++) {
            byte[] content = member(header + "member=" + m + "\n", size / members, random);
            TarArchiveEntry entry = new TarArchiveEntry("member-" + m + ".dat");
            entry.setSize(content.length);
            entry.setModTime(TAR_TIME);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        tar.finish();
        gzip.finish();
    }

    private static byte[] member(String header, int size, Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(size, header.length()));
        int target = Math.max(size, header.length() + 1);
        if (random.nextBoolean()) {
            Contents.text(bytes, header, target, random);
        } else {
            Contents.binary(bytes, header, target, random);
        }
        return bytes.toByteArray();
    }
}
