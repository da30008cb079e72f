package dev.argus.probe.engine.extract;

import java.util.EnumMap;
import java.util.Map;

/** The reader of each container format. Thread-safe. */
final class ContainerReaders {

    private final Map<ContainerFormat, ContainerReader> readers = new EnumMap<>(ContainerFormat.class);
    private final RarReader rar;

    ContainerReaders(Bsdtar bsdtar) {
        this.rar = new RarReader(bsdtar);
        readers.put(ContainerFormat.ZIP, new ZipReader());
        readers.put(ContainerFormat.SEVEN_Z, new SevenZipReader());
        for (ContainerFormat format : new ContainerFormat[] {ContainerFormat.TAR, ContainerFormat.GZIP,
                ContainerFormat.BZIP2, ContainerFormat.XZ}) {
            readers.put(format, new CompressedReader(format));
        }
        readers.put(ContainerFormat.RAR, rar);
    }

    ContainerReader of(ContainerFormat format) {
        return readers.get(format);
    }

    /** The rar reader, which depends on bsdtar being present. */
    RarReader rar() {
        return rar;
    }
}
