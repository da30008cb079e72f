package dev.argus.probe.registration;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this probe keeps the brain informed.
 *
 * @param heartbeatInterval time between heartbeats ({@code ARGUS_PROBE_HEARTBEATINTERVAL}), default 5s; keep it
 *                          well below the brain's {@code argus.brain.probe-offline-after} (15s)
 */
@Validated
@ConfigurationProperties("argus.probe")
public record RegistrationProperties(@DefaultValue("5s") @NotNull Duration heartbeatInterval) {

    public RegistrationProperties {
        if (heartbeatInterval != null && (heartbeatInterval.isNegative() || heartbeatInterval.isZero())) {
            throw new IllegalArgumentException("argus.probe.heartbeat-interval must be positive");
        }
    }
}
