package dev.argus.probe.engine.remote;

/**
 * The header carrying the service's credentials. Its value comes from the environment, is sent only to the
 * service's own origin, and never appears in logs, errors or {@link #toString()}.
 *
 * @param name  the header name, e.g. {@code Authorization}
 * @param value the resolved value, a secret
 */
record AuthHeader(String name, String value) {

    private static final String MASK = "****";

    /** Removes the secret (and its token part, e.g. after {@code Bearer }) from a text shown to people. */
    String scrub(String text) {
        if (text == null || value == null || value.isBlank()) {
            return text;
        }
        String scrubbed = text.replace(value, MASK);
        int space = value.lastIndexOf(' ');
        if (space >= 0 && value.length() - space > 4) {
            scrubbed = scrubbed.replace(value.substring(space + 1), MASK);
        }
        return scrubbed;
    }

    @Override
    public String toString() {
        return name + ": " + MASK;
    }
}
