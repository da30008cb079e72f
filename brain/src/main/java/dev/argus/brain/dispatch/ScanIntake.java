package dev.argus.brain.dispatch;

import dev.argus.brain.BrainProperties;
import dev.argus.brain.registry.RegistryActivity;
import dev.argus.common.amqp.Topology;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts taking scans only once the probe registry has caught up. After the brain was down, the heartbeats
 * probes sent meanwhile wait in {@code argus.brain.probes} while the registry's last-seen times are old; a scan
 * fanned out before those heartbeats are read would find every probe "offline" and fail at once. So the scan
 * listener starts when the probes queue has been drained — no ready message and none being handled (the
 * registry takes one message at a time) on two polls in a row — or after {@code probe-offline-after} at the
 * latest (by then a live probe has heartbeated anyway).
 */
@Component
class ScanIntake {

    private static final Logger log = LoggerFactory.getLogger(ScanIntake.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final AmqpAdmin admin;
    private final SimpleMessageListenerContainer scans;
    private final RegistryActivity registry;
    private final Duration catchUpLimit;
    /** Set when the context closes: a waiter that wakes up later must not start the container of a closed brain. */
    private boolean closed;
    private volatile Thread waiter;

    ScanIntake(AmqpAdmin admin, @Qualifier(ScanConsumer.CONTAINER) SimpleMessageListenerContainer scans,
               RegistryActivity registry, BrainProperties properties) {
        this.admin = admin;
        this.scans = scans;
        this.registry = registry;
        this.catchUpLimit = properties.probeOfflineAfter();
    }

    @EventListener(ApplicationReadyEvent.class)
    void openWhenRegistryCaughtUp() {
        waiter = Thread.ofVirtual().name("argus-scan-intake").start(this::waitThenOpen);
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stopWaiting() {
        closed = true;
        Thread thread = waiter;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void waitThenOpen() {
        long start = System.nanoTime();
        long limit = start + catchUpLimit.toNanos();
        int emptyPolls = 0;
        try {
            while (emptyPolls < 2 && System.nanoTime() < limit) {
                boolean drained = pendingRegistryMessages() == 0 && registry.isIdle();
                emptyPolls = drained ? emptyPolls + 1 : 0;
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            if (!closed && !scans.isRunning()) {
                scans.start();
                log.info("Probe registry caught up in {} ms; taking scans",
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
        }
    }

    private long pendingRegistryMessages() {
        try {
            Properties queue = admin.getQueueProperties(Topology.PROBES_QUEUE);
            Object count = queue == null ? null : queue.get(RabbitAdmin.QUEUE_MESSAGE_COUNT);
            return count instanceof Number number ? number.longValue() : 0;
        } catch (RuntimeException brokerUnavailable) {
            return -1;
        }
    }
}
