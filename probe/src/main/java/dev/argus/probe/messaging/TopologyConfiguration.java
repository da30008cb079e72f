package dev.argus.probe.messaging;

import dev.argus.messaging.ArgusTopology;
import dev.argus.probe.engine.ActiveEngines;
import dev.argus.probe.spi.ScanEngine;
import org.springframework.amqp.core.Declarables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this process declares on every (re)connection, so start order does not matter ({@link ArgusTopology}, role
 * PROBE): the job queue of each active engine, the brain's registration queue, and the queues its results are routed
 * to.
 */
@Configuration(proxyBeanMethods = false)
class TopologyConfiguration {

    @Bean
    Declarables probeTopology(ActiveEngines engines) {
        return ArgusTopology.declarables(ArgusTopology.Role.PROBE,
                engines.engines().stream().map(ScanEngine::name).toList());
    }
}
