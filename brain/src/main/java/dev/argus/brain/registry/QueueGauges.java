package dev.argus.brain.registry;

import dev.argus.common.amqp.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauges {@code argus.queue.messages{queue}} (ready messages) and {@code argus.queue.consumers{queue}} of every
 * known probe's job queue ({@code argus.probe.<name>}) and of the parked messages' queue ({@code argus.parked}), read
 * by a passive declare per queue every {@code argus.brain.gauge-interval} (default 5s), never per scrape. A queue
 * that does not exist (yet) or a broker that does not answer leaves the queue out until the next read. The probe
 * queues' counts are also kept in {@link QueueDepths}, for the directory the frontends bound bulk work by.
 */
@Component
class QueueGauges {

    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

    private final AmqpAdmin admin;
    private final ProbeRegistry registry;
    private final QueueDepths depths;
    private final MultiGauge messages;
    private final MultiGauge consumers;

    QueueGauges(AmqpAdmin admin, ProbeRegistry registry, QueueDepths depths, MeterRegistry meters) {
        this.admin = admin;
        this.depths = depths;
        this.registry = registry;
        this.messages = MultiGauge.builder("argus.queue.messages")
                .description("Messages ready in the queue (probe job queues and argus.parked)")
                .register(meters);
        this.consumers = MultiGauge.builder("argus.queue.consumers")
                .description("Consumers of the queue")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${argus.brain.gauge-interval:5s}")
    void refresh() {
        TreeSet<String> queues = new TreeSet<>();
        Map<String, String> probeOfQueue = new HashMap<>();
        try {
            registry.statusesByName().keySet().forEach(probe -> {
                queues.add(Topology.probeQueue(probe));
                probeOfQueue.put(Topology.probeQueue(probe), probe);
            });
        } catch (RuntimeException e) {
            log.debug("probe queues not measured this time: {}", e.toString());
        }
        queues.add(Topology.DEAD_LETTER_QUEUE);
        List<MultiGauge.Row<?>> messageRows = new ArrayList<>();
        List<MultiGauge.Row<?>> consumerRows = new ArrayList<>();
        for (String queue : queues) {
            QueueInformation info = info(queue);
            String probe = probeOfQueue.get(queue);
            if (probe != null) {
                if (info == null) {
                    depths.forget(probe);
                } else {
                    depths.record(probe, info.getMessageCount());
                }
            }
            if (info != null) {
                messageRows.add(MultiGauge.Row.of(Tags.of("queue", queue), info.getMessageCount()));
                consumerRows.add(MultiGauge.Row.of(Tags.of("queue", queue), info.getConsumerCount()));
            }
        }
        messages.register(messageRows, true);
        consumers.register(consumerRows, true);
    }

    private QueueInformation info(String queue) {
        try {
            return admin.getQueueInfo(queue);
        } catch (RuntimeException e) {
            log.debug("queue {} not measured this time: {}", queue, e.toString());
            return null;
        }
    }
}
