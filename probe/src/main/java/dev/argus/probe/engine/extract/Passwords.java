package dev.argus.probe.engine.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The passwords tried on the encrypted containers of one job: the scan's own first, then the configured ones, each
 * once. Secrets: {@link #toString()} shows only how many there are, and nothing here ever goes into a message.
 * Not thread-safe (one job).
 */
final class Passwords {

    private final List<String> candidates;
    private String lastOpened;

    private Passwords(List<String> candidates) {
        this.candidates = candidates;
    }

    static Passwords of(List<String> scan, List<String> defaults) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (List<String> list : List.of(scan, defaults)) {
            list.stream().filter(p -> p != null && !p.isEmpty()).forEach(all::add);
        }
        return new Passwords(List.copyOf(all));
    }

    /** How many passwords there are to try. */
    int count() {
        return candidates.size();
    }

    /** The passwords in the order to try them: the one that last opened something first (archives reuse one). */
    List<String> inTryOrder() {
        if (lastOpened == null) {
            return candidates;
        }
        List<String> ordered = new ArrayList<>(candidates.size());
        ordered.add(lastOpened);
        candidates.stream().filter(p -> !p.equals(lastOpened)).forEach(ordered::add);
        return ordered;
    }

    /** Remembers the password that opened something. */
    void opened(String password) {
        lastOpened = password;
    }

    /** The sentence for a container none of them opened, e.g. {@code no password opened it (6 tried)}. */
    String noneOpened(String what) {
        return "no password opened " + what + " (" + candidates.size() + " tried)";
    }

    @Override
    public String toString() {
        return "Passwords[" + candidates.size() + "]";
    }
}
