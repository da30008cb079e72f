package dev.argus.frontend.probe;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDirectoryUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Consumes {@code argus.frontend.probes}: the brain's whole probe directory, sent on change and periodically. */
@Component
@RabbitListener(queues = Topology.DIRECTORY_QUEUE)
class ProbeDirectoryListener {

    private static final Logger log = LoggerFactory.getLogger(ProbeDirectoryListener.class);

    private final ProbeDirectory directory;

    ProbeDirectoryListener(ProbeDirectory directory) {
        this.directory = directory;
    }

    @RabbitHandler
    void on(ProbeDirectoryUpdated update) {
        directory.replace(update);
    }

    @RabbitHandler(isDefault = true)
    void onOther(Object message) {
        log.warn("ignoring unexpected message on {}: {}", Topology.DIRECTORY_QUEUE, message);
    }
}
