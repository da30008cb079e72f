package dev.argus.cli;

import java.net.URI;

/**
 * Where the server is and the key to present. {@link #toString()} never shows the key.
 *
 * @param url    the frontend's base URL, without a trailing slash, e.g. {@code http://localhost:8080}
 * @param apiKey the API key, sent as {@code Authorization: Bearer <key>}
 */
public record CliConfig(URI url, String apiKey) {

    @Override
    public String toString() {
        return "CliConfig[url=" + url + ", apiKey=(hidden)]";
    }
}
