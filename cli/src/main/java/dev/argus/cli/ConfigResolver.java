package dev.argus.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Finds the server URL and API key: a command-line option wins over the environment ({@code ARGUS_URL},
 * {@code ARGUS_API_KEY}), which wins over the config file ({@code url=}, {@code api-key=}; {@code --config FILE}
 * or {@code ~/.config/argus/cli.properties}). A config file that holds a key but can be read by its group or by
 * others is refused, whatever else is set, so that a leaked key does not go unnoticed.
 */
public final class ConfigResolver {

    public static final String URL_VARIABLE = "ARGUS_URL";
    public static final String KEY_VARIABLE = "ARGUS_API_KEY";

    private static final Set<PosixFilePermission> SHARED = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private final Map<String, String> environment;
    private final Path home;

    public ConfigResolver(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    /** The user's own: the process environment and {@code user.home}. */
    public static ConfigResolver system() {
        return new ConfigResolver(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The default config file, {@code ~/.config/argus/cli.properties}. */
    public Path defaultFile() {
        return home.resolve(".config").resolve("argus").resolve("cli.properties");
    }

    /**
     * @param urlOption  {@code --url}, or null
     * @param keyOption  {@code --api-key}, or null
     * @param configFile {@code --config}, or null for the default file (which may be absent; a named one may not)
     */
    public CliConfig resolve(String urlOption, String keyOption, Path configFile) {
        Properties file = read(configFile == null ? defaultFile() : configFile, configFile != null);
        String url = first(urlOption, environment.get(URL_VARIABLE), file.getProperty("url"));
        String key = first(keyOption, environment.get(KEY_VARIABLE), file.getProperty("api-key"));
        if (url == null) {
            throw new CliException("no server URL: set " + URL_VARIABLE + ", url= in the config file or --url");
        }
        if (key == null) {
            throw new CliException("no API key: set " + KEY_VARIABLE + ", api-key= in the config file or --api-key");
        }
        return new CliConfig(parseUrl(url), key);
    }

    private static Properties read(Path file, boolean required) {
        Properties properties = new Properties();
        if (!Files.exists(file)) {
            if (required) {
                throw new CliException("config file " + file + " does not exist");
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        String key = properties.getProperty("api-key");
        if (key != null && !key.isBlank()) {
            refuseIfShared(file);
        }
        return properties;
    }

    private static void refuseIfShared(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return; // no POSIX permissions to judge (not a POSIX file system)
        } catch (IOException e) {
            throw new CliException("cannot read the permissions of config file " + file + ": " + e.getMessage(), e);
        }
        if (permissions.stream().anyMatch(SHARED::contains)) {
            throw new CliException("refusing config file " + file + ": it holds an API key but its group or others "
                    + "may read it (" + PosixFilePermissions.toString(permissions) + "); run chmod 600 " + file);
        }
    }

    private static URI parseUrl(String value) {
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new CliException("the server URL must be http:// or https:// with a host, not " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliException("the server URL is not a URL: " + value, e);
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
