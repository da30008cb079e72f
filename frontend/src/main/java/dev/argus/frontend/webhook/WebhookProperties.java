package dev.argus.frontend.webhook;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook settings ({@code argus.webhooks.*}).
 *
 * @param allowedHosts     host names, addresses or CIDR ranges that may be called although the outbound rule refuses
 *                         internal addresses (env {@code ARGUS_WEBHOOKS_ALLOWED_HOSTS}, comma-separated); empty by
 *                         default
 * @param initialBackoff   the wait after a first failed attempt; it doubles after each further failure
 * @param maxBackoff       the longest wait between two attempts
 * @param deadline         counted from the scan's end: a delivery not made by then is failed
 * @param pollInterval     how often each frontend's dispatcher looks for due deliveries
 * @param connectTimeout   the longest a connection to a receiver may take
 * @param requestTimeout   the longest a receiver may take to answer
 * @param batchSize        deliveries claimed at once by a dispatcher
 * @param maxSubscriptions subscriptions a user may hold
 * @param publicUrl        the frontend's public base URL (e.g. {@code https://argus.example}), prefixed to the scan
 *                         link in the payload; empty: the link is a path
 */
@Validated
@ConfigurationProperties("argus.webhooks")
public record WebhookProperties(
        @NotNull @DefaultValue("") List<String> allowedHosts,
        @NotNull @DefaultValue("10s") Duration initialBackoff,
        @NotNull @DefaultValue("1h") Duration maxBackoff,
        @NotNull @DefaultValue("24h") Duration deadline,
        @NotNull @DefaultValue("2s") Duration pollInterval,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("20") @Min(1) int batchSize,
        @DefaultValue("20") @Min(0) int maxSubscriptions,
        @NotNull @DefaultValue("") String publicUrl) {
}
