package dev.argus.standalone.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * An application's own {@code application.properties}, read from the jar (or class directory) its main class comes
 * from. On the standalone's class path the three modules' files share one name, and Spring Boot's usual lookup would
 * find only the first; reading each from its own module keeps the modules' files as they are.
 */
final class ModuleProperties {

    static final String FILE_NAME = "application.properties";

    private ModuleProperties() {
    }

    /** The properties of the module {@code mainClass} belongs to; fails when that module has no such file. */
    static Map<String, Object> of(Class<?> mainClass) {
        URL file = find(mainClass);
        Properties properties = new Properties();
        try (InputStream in = file.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    private static URL find(Class<?> mainClass) {
        CodeSource source = mainClass.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell which jar " + mainClass.getName() + " comes from");
        }
        String module = withoutJarScheme(source.getLocation().toString());
        try {
            for (URL candidate : Collections.list(mainClass.getClassLoader().getResources(FILE_NAME))) {
                if (withoutJarScheme(candidate.toString()).startsWith(module)) {
                    return candidate;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + FILE_NAME, e);
        }
        throw new IllegalStateException("the module of " + mainClass.getName() + " (" + source.getLocation()
                + ") has no " + FILE_NAME);
    }

    /** {@code jar:file:/x.jar!/a} and {@code file:/x.jar} compare as {@code file:/x.jar...}. */
    private static String withoutJarScheme(String url) {
        return url.startsWith("jar:") ? url.substring("jar:".length()) : url;
    }
}
