package dev.argus.probe.engine.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of a library on the class path, from its jar's manifest or its Maven {@code pom.properties}. */
final class LibraryVersions {

    private LibraryVersions() {
    }

    /**
     * @param type       a class of the library
     * @param mavenCoord {@code groupId/artifactId}, where the jar's {@code pom.properties} is
     */
    static String of(Class<?> type, String mavenCoord) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try (InputStream in = type.getResourceAsStream("/META-INF/maven/" + mavenCoord + "/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
