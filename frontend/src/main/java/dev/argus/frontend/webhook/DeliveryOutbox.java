package dev.argus.frontend.webhook;

import dev.argus.frontend.scan.ScanFinished;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the deliveries of a scan that just finished (one to its callback URL, one per subscription of its owner
 * that wants the event) in the transaction that finishes it: {@link ScanFinished} is published inside it, so the
 * deliveries commit with the scan's final status, or neither does. A scan finishes once, so this runs once per scan.
 */
@Component
class DeliveryOutbox {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutbox.class);

    private final JdbcClient jdbc;
    private final WebhookProperties properties;

    DeliveryOutbox(JdbcClient jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener
    void scanFinished(ScanFinished finished) {
        String event = "scan." + finished.status().wireName();
        OffsetDateTime now = OffsetDateTime.ofInstant(finished.finishedAt(), ZoneOffset.UTC);
        OffsetDateTime deadline = now.plus(properties.deadline());
        int callbacks = jdbc.sql("""
                        insert into webhook_delivery (id, scan_id, owner, kind, url, event, status, created_at,
                                                      deadline_at, next_attempt_at)
                        select gen_random_uuid(), id, owner, 'callback', callback_url, :event, 'pending', :now,
                               :deadline, :now
                        from scan where id = :id and callback_url is not null""")
                .param("event", event).param("now", now).param("deadline", deadline).param("id", finished.scanId())
                .update();
        int subscribed = jdbc.sql("""
                        insert into webhook_delivery (id, scan_id, owner, subscription_id, kind, url, event, status,
                                                      created_at, deadline_at, next_attempt_at)
                        select gen_random_uuid(), s.id, s.owner, w.id, 'subscription', w.url, :event, 'pending', :now,
                               :deadline, :now
                        from scan s join webhook_subscription w on w.owner = s.owner
                        where s.id = :id and :event = any (w.events)""")
                .param("event", event).param("now", now).param("deadline", deadline).param("id", finished.scanId())
                .update();
        if (callbacks + subscribed > 0) {
            log.debug("scan {} {}: {} webhook deliveries queued", finished.scanId(), event, callbacks + subscribed);
        }
    }
}
