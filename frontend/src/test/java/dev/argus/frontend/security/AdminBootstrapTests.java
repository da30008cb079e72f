package dev.argus.frontend.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminBootstrapTests {

    @Test
    void refusesToStartWithATooShortBootstrapKeyWithoutShowingIt() {
        AdminBootstrap bootstrap = new AdminBootstrap(null, null, new SecurityProperties("short-secret", "admin", 20));

        assertThatThrownBy(() -> bootstrap.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY")
                .hasMessageContaining("at least 32 characters")
                .hasMessageNotContaining("short-secret");
    }
}
