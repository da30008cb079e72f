package dev.argus.frontend.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code argus.webhooks.attempts}: delivery attempts by outcome (delivered, retried, failed). */
@Component
class WebhookMeters {

    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;

    WebhookMeters(MeterRegistry registry) {
        delivered = counter(registry, "delivered");
        retried = counter(registry, "retried");
        failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("argus.webhooks.attempts").tag("outcome", outcome)
                .description("Webhook delivery attempts: delivered (2xx), retried later, failed for good")
                .register(registry);
    }

    void delivered() {
        delivered.increment();
    }

    void retried() {
        retried.increment();
    }

    void failed() {
        failed.increment();
    }
}
