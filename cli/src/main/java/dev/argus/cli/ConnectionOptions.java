package dev.argus.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command shares: where the server is and which key to use (docs/cli.md#configuration). */
public final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "The frontend's base URL, e.g. http://localhost:8080 (overrides ARGUS_URL and url=).")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "The API key (overrides ARGUS_API_KEY and api-key=). Other users may see command lines: "
                    + "prefer the environment or the config file.")
    String apiKey;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file with url= and api-key= (default ~/.config/argus/cli.properties; "
                    + "refused if its group or others may read a key in it).")
    Path config;

    /** The resolved configuration: these options, then the environment, then the config file. */
    public CliConfig resolve(ConfigResolver resolver) {
        return resolver.resolve(url, apiKey, config);
    }
}
