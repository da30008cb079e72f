package dev.argus.frontend.security;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure someone can administer Argus. With {@code argus.security.bootstrap-admin-key} set, that key is an
 * ADMIN key of {@code bootstrap-admin-username} after every start (created when missing; a key revoked through
 * the API stays revoked). Without it, the very first start (no user at all) creates that admin with a random
 * key and prints the key once to standard output, not to the log; later starts print nothing. Several frontends
 * starting together serialise on a PostgreSQL advisory lock.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final long LOCK_ID = 0x4172677573L; // "Argus"

    private final JdbcClient jdbc;
    private final ApiKeyStore keys;
    private final SecurityProperties properties;
    private final PrintStream console;

    AdminBootstrap(JdbcClient jdbc, ApiKeyStore keys, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.properties = properties;
        this.console = System.out;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String configured = properties.bootstrapAdminKey();
        if (configured != null && !configured.isBlank() && configured.strip().length() < ApiKeySecrets.MIN_LENGTH) {
            throw new IllegalStateException("argus.security.bootstrap-admin-key (ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY)"
                    + " must be at least " + ApiKeySecrets.MIN_LENGTH + " characters of random text, e.g. the"
                    + " output of 'openssl rand -base64 32'; the configured key is shorter");
        }
        jdbc.sql("select pg_advisory_xact_lock(:id)").param("id", LOCK_ID).query().singleValue();
        String username = properties.bootstrapAdminUsername();
        if (configured != null && !configured.isBlank()) {
            keepConfiguredKey(username, configured.strip());
        } else if (countUsers() == 0) {
            ensureAdmin(username);
            ApiKeyStore.NewApiKey key = keys.create(username, "first admin key", null);
            log.info("created the first admin '{}'; its API key is printed on the console, once", username);
            printOnce(username, key.key());
        }
    }

    private void keepConfiguredKey(String username, String key) {
        Optional<String> status = jdbc.sql("select case when revoked_at is null then 'active' else 'revoked' end"
                        + " from api_key where key_hash = :hash")
                .param("hash", ApiKeySecrets.hash(key)).query(String.class).optional();
        if (status.isPresent()) {
            if (status.get().equals("revoked")) {
                log.warn("the configured bootstrap admin key was revoked and stays revoked; configure another one");
            }
            return;
        }
        ensureAdmin(username);
        keys.insert(username, "bootstrap key", key, null);
        log.info("admin '{}' can use the configured bootstrap key", username);
    }

    private void ensureAdmin(String username) {
        jdbc.sql("""
                        insert into app_user (username, role, created_at) values (:username, 'ADMIN', :now)
                        on conflict (username) do update set role = 'ADMIN'
                        """)
                .param("username", username)
                .param("now", ApiKeyStore.timestamp(Instant.now()))
                .update();
    }

    private long countUsers() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private void printOnce(String username, String key) {
        console.println();
        console.println("==================================================================================");
        console.println(" Argus: the first admin '" + username + "' was created. Its API key (shown only now):");
        console.println();
        console.println("   " + key);
        console.println();
        console.println(" Use it as: curl -H 'Authorization: Bearer <key>' http://localhost:8080/api/v1/probes");
        console.println(" or log in to the web UI with it. Create more users and keys with the API.");
        console.println("==================================================================================");
        console.println();
        console.flush();
    }
}
