package dev.argus.messaging.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule against well-known passwords: a process refuses to start when a RabbitMQ, PostgreSQL or FTP password is a
 * well-known default (guest, argus, the Argus user names, postgres, password, changeme, admin ...) and the server it
 * goes to is not on a loopback address. Local development and the tests keep their defaults on 127.0.0.1 and
 * localhost; anything reachable over a network needs real passwords. Host names other than {@code localhost} are not
 * resolved: they count as remote.
 */
public final class DefaultPasswords {

    /** Passwords anyone would try first, compared case-insensitively. */
    static final Set<String> WELL_KNOWN = Set.of("guest", "argus", "argus-probe", "argus-brain", "argus-frontend",
            "postgres", "password", "changeme", "change-me", "admin", "secret", "test", "123456", "rabbitmq", "ftp");

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private DefaultPasswords() {
    }

    /** One password setting and the hosts it is sent to. */
    public record Setting(String passwordName, String password, List<String> hosts) {
    }

    /**
     * Why these settings may not be used, naming each offending setting (never the password), or null when they may.
     */
    public static String problem(List<Setting> settings) {
        List<String> refused = new ArrayList<>();
        for (Setting setting : settings) {
            if (isWellKnown(setting.password())) {
                setting.hosts().stream().filter(host -> !isLoopback(host)).findFirst().ifPresent(host -> refused.add(
                        setting.passwordName() + " (for " + host + ")"));
            }
        }
        return refused.isEmpty() ? null : "Refusing to start: " + String.join(", ", refused) + " "
                + (refused.size() == 1 ? "is a" : "are") + " well-known default password" + (refused.size() == 1
                ? "" : "s") + ", which may only be used with a server on a loopback address; set a strong password";
    }

    static boolean isWellKnown(String password) {
        return password != null && WELL_KNOWN.contains(password.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code localhost}, 127.0.0.0/8 and ::1, in any of their usual spellings. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
