package dev.argus.brain.registry;

/**
 * Which RabbitMQ user may speak for a probe (engine), by the {@code user_id} the broker vouches for: a registration
 * or heartbeat without one is refused; a per-engine user {@code argus-probe-<engine>} (scripts/rabbitmq-users.sh) may
 * speak only for its own engine; and once a probe is registered, only the credential that registered it first may
 * send its heartbeats or change its descriptor (a shared user, such as guest in development and the standalone mode,
 * thus keeps every engine it registered first).
 */
final class ProbeCredentials {

    /** The user name prefix of the per-engine probe users. */
    static final String ENGINE_USER_PREFIX = "argus-probe-";

    private ProbeCredentials() {
    }

    /**
     * Why {@code credential} may not speak for {@code engine}, or null when it may.
     *
     * @param owner the credential that registered the engine, or null when none is recorded
     */
    static String problem(String engine, String credential, String owner) {
        if (credential == null || credential.isBlank()) {
            return "the message carries no user_id";
        }
        if (credential.startsWith(ENGINE_USER_PREFIX) && !credential.equals(ENGINE_USER_PREFIX + engine)) {
            return "RabbitMQ user " + credential + " may only speak for probe "
                    + credential.substring(ENGINE_USER_PREFIX.length());
        }
        if (owner != null && !owner.equals(credential)) {
            return "probe " + engine + " was registered by RabbitMQ user " + owner + ", not " + credential;
        }
        return null;
    }
}
