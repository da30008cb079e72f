package dev.argus.frontend.scan;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ScanProgressed;
import dev.argus.frontend.FrontendProperties;
import dev.argus.frontend.messaging.FrontendInstance;
import dev.argus.messaging.Consumers;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.GuardedConsumer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes this frontend's own queue {@code argus.live.<instance>}: what other frontends committed about scans
 * ({@code ScanProgressed}) becomes the same in-process events ({@link ResultRecorded}, {@link ScanStatusChanged}) as
 * this frontend's own commits, so live streams and long polls of clients connected here see every scan progress.
 * Events this frontend sent itself are skipped (it already delivered them).
 */
@Configuration(proxyBeanMethods = false)
class LiveEvents {

    @Bean
    SimpleMessageListenerContainer liveContainer(ConnectionFactory connectionFactory, MessageConverter converter,
                                                DeadLetters deadLetters, ApplicationEventPublisher events,
                                                FrontendInstance instance, FrontendProperties properties) {
        GuardedConsumer listener = new GuardedConsumer(Topology.LIVE_QUEUE_PREFIX + instance.id(), converter,
                LiveEvents::problemWith,
                messages -> messages.stream().map(ScanProgressed.class::cast)
                        .filter(m -> !instance.id().equals(m.origin()))
                        .forEach(m -> deliver(m, events)),
                deadLetters, properties.maxFailures(), Duration.ofMillis(100));
        return Consumers.container(connectionFactory, Topology.LIVE_QUEUE_PREFIX + instance.id(), listener,
                Consumers.Settings.single(1, 50), true);
    }

    static String problemWith(Object message) {
        if (!(message instanceof ScanProgressed progressed)) {
            return "not a ScanProgressed";
        }
        for (ScanProgressed.StoredResult r : progressed.results()) {
            if (r == null || r.scanId() == null || r.result() == null || r.result().category() == null) {
                return "a stored result without scan id or category";
            }
        }
        for (ScanProgressed.StatusChange s : progressed.status()) {
            if (s == null || s.scanId() == null || !ScanStatus.isWireName(s.status())) {
                return "a status change without scan id or with an unknown status";
            }
        }
        return null;
    }

    private static void deliver(ScanProgressed message, ApplicationEventPublisher events) {
        for (ScanProgressed.StoredResult r : message.results()) {
            var e = r.result();
            events.publishEvent(new ResultRecorded(r.scanId(), r.sha256(), r.probe(),
                    new ResultView(e.category(), e.result(), e.engineVersion(), e.signatureVersion(), e.durationMs(),
                            e.error(), r.cached(), e.details()), new Progress(r.total(), r.done())));
        }
        for (ScanProgressed.StatusChange s : message.status()) {
            Instant finishedAt = s.finishedAt();
            events.publishEvent(new ScanStatusChanged(s.scanId(), ScanStatus.fromWireName(s.status()),
                    new Progress(s.total(), s.done()), finishedAt));
        }
    }
}
