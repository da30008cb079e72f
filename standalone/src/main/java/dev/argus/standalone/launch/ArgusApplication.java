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

    /** REST API; the only context that serves HTTP. */
    FRONTEND("frontend", FrontendApplication.class, WebApplicationType.SERVLET, List.of()),

    /** Routing, jobs and the probe registry. */
    BRAIN("brain", BrainApplication.class, WebApplicationType.NONE, List.of()),

    /** The engines; it has no database (JPA, Flyway and JDBC are on the class path for the other two). */
    PROBE("probe", ProbeApplication.class, WebApplicationType.NONE, List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"));

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
