package dev.argus.frontend.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The first admin ({@code argus.security.*}).
 *
 * @param bootstrapAdminKey      an API key (at least {@value ApiKeySecrets#MIN_LENGTH} characters) that is made,
 *                               and kept, an ADMIN key at every start; when unset and no user exists, an admin
 *                               with a random key is created and the key printed once to the console
 * @param bootstrapAdminUsername the name of that admin
 * @param maxKeysPerUser         the most active (unrevoked, unexpired) keys one user may have; creating another
 *                               is refused with 409 {@code key-limit-reached}; 0 or negative means no cap
 */
@Validated
@ConfigurationProperties("argus.security")
public record SecurityProperties(
        String bootstrapAdminKey,
        @NotBlank @DefaultValue("admin") String bootstrapAdminUsername,
        @DefaultValue("20") int maxKeysPerUser) {

    @Override
    public String toString() {
        // the key is a secret: never in a log line or a failure report
        return "SecurityProperties[bootstrapAdminKey=" + (bootstrapAdminKey == null ? "unset" : "***")
                + ", bootstrapAdminUsername=" + bootstrapAdminUsername + ", maxKeysPerUser=" + maxKeysPerUser + "]";
    }
}
