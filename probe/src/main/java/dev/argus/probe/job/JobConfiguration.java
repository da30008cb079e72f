package dev.argus.probe.job;

import dev.argus.common.store.FileStore;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.MessagePublisher;
import dev.argus.probe.engine.ActiveEngines;
import dev.argus.probe.registration.InstanceId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The work directory, the job runner with its scan threads, and the per-engine consumers. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    @Bean(destroyMethod = "close")
    WorkDirectory workDirectory(JobProperties properties, InstanceId instanceId) {
        return WorkDirectory.open(properties.workDir(), instanceId.value());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService scanExecutor() {
        return Executors.newCachedThreadPool(Thread.ofPlatform().name("scan-", 0).daemon(true).factory());
    }

    @Bean
    JobRunner jobRunner(FileStore store, WorkDirectory workDirectory, MessagePublisher publisher,
                        InstanceId instanceId, Clock clock, ExecutorService scanExecutor, MeterRegistry registry) {
        return new JobRunner(store, workDirectory.path(), publisher, instanceId.value(), clock, scanExecutor,
                new ScanMeters(registry));
    }

    @Bean
    JobConsumers jobConsumers(ConnectionFactory connectionFactory, AmqpAdmin admin, ActiveEngines engines,
                              JobRunner runner, MessageConverter converter, JobProperties properties,
                              DeadLetters deadLetters) {
        return new JobConsumers(connectionFactory, admin, engines, runner, converter, properties, deadLetters);
    }
}
