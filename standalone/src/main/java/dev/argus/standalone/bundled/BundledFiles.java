package dev.argus.standalone.bundled;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Copies files shipped inside the standalone jar out to a directory. */
public final class BundledFiles {

    private BundledFiles() {
    }

    /**
     * Copies every resource matching the pattern (e.g. {@code classpath*:dev/argus/standalone/engines/yara/*})
     * into {@code directory}, replacing files of the same name.
     *
     * @return the names copied
     */
    public static List<String> copy(String pattern, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<String> names = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
            String name = resource.getFilename();
            if (name == null || name.isBlank() || !resource.isReadable()) {
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            names.add(name);
        }
        return names;
    }
}
