package dev.argus.brain.registry;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeHeartbeat;
import dev.argus.common.message.ProbeRegistered;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code argus.brain.probes}: registrations and heartbeats are handled alike (both carry the full
 * descriptors). The message is acknowledged after the registry committed and any resulting directory change
 * was published with a confirm; an exception requeues it.
 */
@Component
@RabbitListener(queues = Topology.PROBES_QUEUE, containerFactory = "registryListenerFactory")
class RegistryListener {

    private static final Logger log = LoggerFactory.getLogger(RegistryListener.class);

    private final ProbeRegistry registry;
    private final DirectoryBroadcaster broadcaster;
    private final RegistryActivity activity;

    RegistryListener(ProbeRegistry registry, DirectoryBroadcaster broadcaster, RegistryActivity activity) {
        this.registry = registry;
        this.broadcaster = broadcaster;
        this.activity = activity;
    }

    @RabbitHandler
    public void onRegistered(ProbeRegistered registered) {
        log.debug("Probe instance {} registered {}", registered.instanceId(), names(registered.engines()));
        record(registered.instanceId(), registered.engines(), registered.at());
    }

    @RabbitHandler
    public void onHeartbeat(ProbeHeartbeat heartbeat) {
        record(heartbeat.instanceId(), heartbeat.engines(), heartbeat.at());
    }

    private void record(String instanceId, List<ProbeDescriptor> engines, Instant at) {
        if (instanceId == null || instanceId.isBlank()) {
            log.error("Discarding probe registration or heartbeat without instance id, engines {}", names(engines));
            throw new AmqpRejectAndDontRequeueException("probe message without instance id");
        }
        activity.started();
        try {
            registry.record(instanceId, engines == null ? List.of() : engines, at);
            broadcaster.publishIfChanged();
        } finally {
            activity.finished();
        }
    }

    private static List<String> names(List<ProbeDescriptor> engines) {
        return engines == null ? List.of() : engines.stream().map(e -> e == null ? "null" : e.name()).toList();
    }
}
