package dev.argus.frontend;

/** Credentials that application-test.properties sets up for the integration tests. */
final class TestKeys {

    /** The admin key that application-test.properties bootstraps. */
    static final String ADMIN_KEY = "argus-test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private TestKeys() {
    }
}
