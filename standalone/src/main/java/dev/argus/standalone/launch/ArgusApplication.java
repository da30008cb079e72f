package dev.argus.standalone.launch;

import dev.argus.brain.BrainApplication;
import dev.argus.frontend.FrontendApplication;
import dev.argus.probe.ProbeApplication;
import java.util.List;
import org.springframework.boot.WebApplicationType;

/**
 * The three Argus applications the standalone mode runs as separate Spring contexts in one JVM, each with what would
 * leak into it from the others on the shared class path switched off.
 */
enum ArgusApplication {

    /** REST API and web UI; the port the standalone prints. */
    FRONTEND("frontend", FrontendApplication.class, WebApplicationType.SERVLET, List.of()),

    /** Routing, jobs and the probe registry; serves only its actuator (health, prometheus). */
    BRAIN("brain", BrainApplication.class, WebApplicationType.SERVLET, Exclusions.FRONTEND_WEB),

    /**
     * The engines; serves only its actuator. It has no database (JPA, Flyway and JDBC are on the class path for the
     * other two).
     */
    PROBE("probe", ProbeApplication.class, WebApplicationType.SERVLET, Exclusions.withFrontendWeb(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"));

    /** What the frontend brings to the class path for its own web layer, left out of the actuator-only contexts. */
    private static final class Exclusions {

        /** Spring Security's auto-configuration: the brain's and probe's actuators are not the frontend's API. */
        static final List<String> FRONTEND_WEB = List.of(
                "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration");

        static List<String> withFrontendWeb(String... more) {
            return java.util.stream.Stream.concat(FRONTEND_WEB.stream(), java.util.Arrays.stream(more)).toList();
        }
    }

    private final String displayName;
    private final Class<?> mainClass;
    private final WebApplicationType webType;
    private final List<String> excludedAutoConfigurations;

    ArgusApplication(String displayName, Class<?> mainClass, WebApplicationType webType,
                     List<String> excludedAutoConfigurations) {
        this.displayName = displayName;
        this.mainClass = mainClass;
        this.webType = webType;
        this.excludedAutoConfigurations = excludedAutoConfigurations;
    }

    String displayName() {
        return displayName;
    }

    Class<?> mainClass() {
        return mainClass;
    }

    WebApplicationType webType() {
        return webType;
    }

    List<String> excludedAutoConfigurations() {
        return excludedAutoConfigurations;
    }
}
