package dev.argus.standalone.launch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Lets the three contexts start while the embedded services are still starting (their addresses and passwords are
 * chosen beforehand), which on two cores takes seconds off the start: a context waits for PostgreSQL only when its
 * {@link DataSource} is about to be initialised, and for the broker and the FTP server only before its first
 * lifecycle component starts (listener containers, registration, the web server), which is where the first
 * connections are made.
 *
 * @param database  completes when PostgreSQL accepts connections
 * @param messaging completes when the broker and the FTP server accept connections
 */
public record ServiceGates(CompletableFuture<?> database, CompletableFuture<?> messaging) {

    /** No waiting: the services are up already. */
    public static ServiceGates open() {
        return new ServiceGates(CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(null));
    }

    ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> {
            context.getBeanFactory().addBeanPostProcessor(new DatabaseGate(database));
            context.getBeanFactory().registerSingleton("argusStandaloneMessagingGate", new MessagingGate(messaging));
        };
    }

    private static void await(CompletableFuture<?> service, String name) {
        try {
            service.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(name + " did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private record DatabaseGate(CompletableFuture<?> database) implements BeanPostProcessor {
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource) {
                await(database, "PostgreSQL");
            }
            return bean;
        }
    }

    private static final class MessagingGate implements SmartLifecycle {
        private final CompletableFuture<?> messaging;
        private volatile boolean running;

        MessagingGate(CompletableFuture<?> messaging) {
            this.messaging = messaging;
        }

        @Override
        public void start() {
            await(messaging, "the AMQP broker or the FTP server");
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE;
        }
    }
}
