package dev.argus.standalone.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.brain.BrainApplication;
import dev.argus.frontend.FrontendApplication;
import dev.argus.probe.ProbeApplication;
import org.junit.jupiter.api.Test;

/** The three modules' application.properties share a name on one class path; each context still gets its own. */
class ModulePropertiesTests {

    @Test
    void readsEachApplicationsOwnPropertiesFromItsModule() {
        assertThat(ModuleProperties.of(FrontendApplication.class))
                .containsEntry("spring.application.name", "argus-frontend")
                .containsEntry("spring.flyway.schemas", "frontend");
        assertThat(ModuleProperties.of(BrainApplication.class))
                .containsEntry("spring.application.name", "argus-brain")
                .containsEntry("spring.flyway.schemas", "brain");
        assertThat(ModuleProperties.of(ProbeApplication.class))
                .containsEntry("spring.application.name", "argus-probe")
                .doesNotContainKey("spring.datasource.url");
    }
}
