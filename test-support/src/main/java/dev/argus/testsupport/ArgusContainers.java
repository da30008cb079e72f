package dev.argus.testsupport;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The container set of the tests: the deployment's own PostgreSQL and RabbitMQ images (built by
 * {@code scripts/images.sh} from Debian packages), declared compatible substitutes for the images Testcontainers'
 * modules know. There is no image registry here, so nothing is pulled: an image that is not built locally fails
 * the test with the command that builds it. Each container gets random passwords, as a deployment does.
 *
 * <p>The PostgreSQL container creates the roles {@code argus_frontend} and {@code argus_brain}, neither a
 * superuser, each owning only its own schema of database {@code argus}; a test connects as the role of the
 * process under test. The RabbitMQ container creates the Argus users and an administrator {@code argus}, and
 * deletes {@code guest}.
 */
public final class ArgusContainers {

    /** The deployment's PostgreSQL image (docker/postgres). */
    public static final String POSTGRES_IMAGE = "argus/postgres:latest";

    /** The deployment's RabbitMQ image (docker/rabbitmq). */
    public static final String RABBITMQ_IMAGE = "argus/rabbitmq:latest";

    /** The RabbitMQ container's administrator, with every right in vhost {@code /}. */
    public static final String RABBITMQ_ADMIN = "argus";

    /** The engine whose RabbitMQ user the broker container creates (one is enough; tests use the administrator). */
    private static final String ENGINE = "clamav";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ArgusContainers() {
    }

    /** A process whose database role the PostgreSQL container creates. */
    public enum DatabaseRole {
        FRONTEND("argus_frontend", "ARGUS_POSTGRES_FRONTEND_PASSWORD"),
        BRAIN("argus_brain", "ARGUS_POSTGRES_BRAIN_PASSWORD");

        private final String username;
        private final String passwordVariable;

        DatabaseRole(String username, String passwordVariable) {
            this.username = username;
            this.passwordVariable = passwordVariable;
        }
    }

    /**
     * How long a container may take to become healthy: a RabbitMQ node's first start took over the default minute on
     * a two-core machine busy with other builds.
     */
    private static final Duration STARTUP = Duration.ofMinutes(3);

    /**
     * PostgreSQL from {@link #POSTGRES_IMAGE}, database {@code argus}, reached as {@code role} (its
     * {@code getUsername()}/{@code getPassword()}); ready when the image's health check says the roles exist.
     */
    public static PostgreSQLContainer postgres(DatabaseRole role) {
        String rolePassword = secret();
        PostgreSQLContainer container = new PostgreSQLContainer(local(POSTGRES_IMAGE, "postgres"));
        container.withDatabaseName("argus").withUsername(role.username).withPassword(rolePassword)
                .withEnv("ARGUS_POSTGRES_ADMIN_PASSWORD", secret())
                .withEnv("ARGUS_POSTGRES_FRONTEND_PASSWORD", secret())
                .withEnv("ARGUS_POSTGRES_BRAIN_PASSWORD", secret())
                .withEnv(role.passwordVariable, rolePassword)
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(STARTUP));
        return container;
    }

    /** RabbitMQ from {@link #RABBITMQ_IMAGE}; the administrator {@link #RABBITMQ_ADMIN} has a random password. */
    public static RabbitMQContainer rabbitmq() {
        String adminPassword = secret();
        RabbitMQContainer container = new RabbitMQContainer(local(RABBITMQ_IMAGE, "rabbitmq"));
        container.withAdminUser(RABBITMQ_ADMIN).withAdminPassword(adminPassword)
                .withEnv("ARGUS_RABBITMQ_ADMIN_PASSWORD", adminPassword)
                .withEnv("ARGUS_ENGINES", ENGINE)
                .withEnv("ARGUS_RABBITMQ_PROBE_CLAMAV_PASSWORD", secret())
                .withEnv("ARGUS_RABBITMQ_FRONTEND_PASSWORD", secret())
                .withEnv("ARGUS_RABBITMQ_BRAIN_PASSWORD", secret())
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(STARTUP));
        return container;
    }

    /** Points {@code spring.datasource.*} at the container, as the role it was made for. */
    public static void registerDataSource(DynamicPropertyRegistry registry, PostgreSQLContainer postgres) {
        registry.add("spring.datasource.url", postgres::getJdbcUrl);
        registry.add("spring.datasource.username", postgres::getUsername);
        registry.add("spring.datasource.password", postgres::getPassword);
    }

    /** Points {@code spring.rabbitmq.*} at the container's vhost {@code /}, as its administrator. */
    public static void registerRabbitMq(DynamicPropertyRegistry registry, RabbitMQContainer rabbitmq) {
        registry.add("spring.rabbitmq.host", rabbitmq::getHost);
        registry.add("spring.rabbitmq.port", rabbitmq::getAmqpPort);
        registry.add("spring.rabbitmq.username", rabbitmq::getAdminUsername);
        registry.add("spring.rabbitmq.password", rabbitmq::getAdminPassword);
        registry.add("spring.rabbitmq.virtual-host", () -> "/");
    }

    private static DockerImageName local(String image, String substituteFor) {
        boolean present;
        try {
            present = DockerClientFactory.instance().client().listImagesCmd()
                    .withImageNameFilter(image).exec().stream().findAny().isPresent();
        } catch (RuntimeException noDocker) {
            throw new IllegalStateException("no Docker engine answers; the test command (scripts/test.sh) starts "
                    + "one with .ci/docker.sh", noDocker);
        }
        if (!present) {
            throw new IllegalStateException("image " + image + " is not built; run: bash scripts/images.sh");
        }
        return DockerImageName.parse(image).asCompatibleSubstituteFor(substituteFor);
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
