package dev.argus.probe.engine.extract;

import dev.argus.probe.spi.EngineException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Plain tar, and gzip, bzip2 and xz streams with Apache Commons Compress (xz through tukaani's xz): a compressed
 * stream whose content is a tar (ustar magic at byte 257) is read as one container, its files being the members
 * ({@code .tar.gz}, {@code .tar.bz2}, {@code .tar.xz}); any other content is the single member, named by the gzip
 * header when it has a name, else after the container's own name without its suffix, else {@code content}.
 * Concatenated streams are read as one.
 */
final class CompressedReader implements ContainerReader {

    private static final int TAR_HEADER = 512;

    private final ContainerFormat format;

    CompressedReader(ContainerFormat format) {
        this.format = format;
    }

    @Override
    public void read(Path file, String name, ContainerSession session, MemberSink sink, Passwords passwords)
            throws IOException, LimitExceededException, EngineException, InterruptedException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            if (format == ContainerFormat.TAR) {
                TarReader.read(raw, session, sink);
                return;
            }
            String memberName = null;
            InputStream content;
            switch (format) {
                case GZIP -> {
                    GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw, true);
                    memberName = gzip.getMetaData().getFileName();
                    content = gzip;
                }
                case BZIP2 -> content = new BZip2CompressorInputStream(raw, true);
                case XZ -> content = new XZCompressorInputStream(raw, true);
                default -> throw new IllegalStateException("not a compressed stream: " + format);
            }
            try (InputStream decompressed = new BufferedInputStream(content, 64 * 1024)) {
                if (isTar(decompressed)) {
                    TarReader.read(decompressed, session, sink);
                } else {
                    session.startMember();
                    sink.member(memberName != null && !memberName.isBlank() ? memberName : contentName(name),
                            decompressed);
                }
            }
        }
    }

    private static boolean isTar(InputStream in) throws IOException {
        in.mark(TAR_HEADER);
        byte[] header = in.readNBytes(TAR_HEADER);
        in.reset();
        return header.length == TAR_HEADER && TarArchiveInputStream.matches(header, header.length);
    }

    /** The container's name without its compression suffix, e.g. {@code a.tgz} gives {@code a.tar}. */
    static String contentName(String containerName) {
        if (containerName == null) {
            return "content";
        }
        String base = containerName.substring(containerName.lastIndexOf('/') + 1);
        String lower = base.toLowerCase(Locale.ROOT);
        for (String[] suffix : new String[][] {{".tgz", ".tar"}, {".tbz2", ".tar"}, {".tbz", ".tar"},
                {".txz", ".tar"}, {".gz", ""}, {".bz2", ""}, {".xz", ""}}) {
            if (lower.endsWith(suffix[0]) && lower.length() > suffix[0].length()) {
                return base.substring(0, base.length() - suffix[0].length()) + suffix[1];
            }
        }
        return "content";
    }
}
