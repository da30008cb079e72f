package dev.argus.probe.registration;

import dev.argus.messaging.MessagePublisher;
import dev.argus.probe.engine.ActiveEngines;
import java.time.Clock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instance id, the engine descriptors (first version refresh and the start-up line) and the registration. */
@Configuration(proxyBeanMethods = false)
class RegistrationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistrationConfiguration.class);

    @Bean
    InstanceId instanceId() {
        return InstanceId.generate();
    }

    @Bean
    EngineDescriptors engineDescriptors(ActiveEngines engines, ObjectProvider<BuildProperties> build,
                                        InstanceId instanceId) {
        BuildProperties properties = build.getIfAvailable();
        EngineDescriptors descriptors = new EngineDescriptors(engines,
                properties != null ? properties.getVersion() : "dev");
        var described = descriptors.refresh();
        log.info("probe instance {} runs {} engine(s): {}", instanceId, described.size(), described.stream()
                .map(d -> d.name() + " (" + d.displayName() + ", engine " + d.engineVersion() + ", signatures "
                        + d.signatureVersion() + ", timeout " + d.timeoutMs() + " ms)")
                .collect(Collectors.joining(", ")));
        return descriptors;
    }

    @Bean
    Registration registration(InstanceId instanceId, EngineDescriptors descriptors, MessagePublisher publisher,
                              RegistrationProperties properties, Clock clock) {
        return new Registration(instanceId, descriptors, publisher, properties.heartbeatInterval(),
                Backoff.REGISTRATION, clock);
    }
}
