package dev.argus.frontend.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This frontend process's id (host name and a random suffix): it names the process's own live-event queue and the
 * live events it sends, so it can tell its own from those of other frontends.
 */
@Component
public class FrontendInstance {

    private final String id;

    FrontendInstance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9-]", "-");
        } catch (UnknownHostException e) {
            host = "frontend";
        }
        this.id = (host.length() > 40 ? host.substring(0, 40) : host) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The id, e.g. {@code web-1-3f2a9c1e}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
