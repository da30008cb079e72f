package dev.argus.probe.registration;

import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.Routes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Registers this probe process with the brain ({@code ProbeRegistered}, confirmed by the broker), retrying in the
 * background with {@link Backoff} until it succeeds, and sends it again as a heartbeat with fresh descriptors
 * every heartbeat interval, whether or not registration went through yet (the brain also learns from heartbeats).
 * Starts after the job consumers, stops before them.
 */
final class Registration implements SmartLifecycle {

    static final int PHASE = Integer.MAX_VALUE - 100;
    /** A publish in flight may wait this long for its confirm (10 s) before the stop gives up on it. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final InstanceId instanceId;
    private final EngineDescriptors descriptors;
    private final MessagePublisher publisher;
    private final Duration heartbeatInterval;
    private final Backoff backoff;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean registered;
    private volatile boolean heartbeatFailing;

    Registration(InstanceId instanceId, EngineDescriptors descriptors, MessagePublisher publisher,
                 Duration heartbeatInterval, Backoff backoff, Clock clock) {
        this.instanceId = instanceId;
        this.descriptors = descriptors;
        this.publisher = publisher;
        this.heartbeatInterval = heartbeatInterval;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("probe-registration").daemon(true).factory());
        executor.setRemoveOnCancelPolicy(true);
        scheduler = executor;
        executor.execute(() -> register(1));
        executor.scheduleWithFixedDelay(this::heartbeat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** True once the brain's queue has the registration. */
    boolean isRegistered() {
        return registered;
    }

    private void register(int attempt) {
        try {
            List<ProbeDescriptor> engines = descriptors.refresh();
            publisher.publish(Routes.registration(new ProbeRegistered(instanceId.value(), engines, false,
                    clock.instant())));
            registered = true;
            log.info("probe instance {} registered engines {}{}", instanceId, engines.stream()
                    .map(ProbeDescriptor::name).toList(), attempt > 1 ? " after " + attempt + " attempts" : "");
        } catch (RuntimeException e) {
            Duration delay = backoff.delayAfter(attempt);
            log.warn("probe instance {} could not register (attempt {}): {}; retrying in {} s", instanceId, attempt,
                    e.getMessage(), delay.toMillis() / 1000.0);
            schedule(() -> register(attempt + 1), delay);
        }
    }

    private void heartbeat() {
        try {
            publisher.publish(Routes.registration(new ProbeRegistered(instanceId.value(), descriptors.refresh(), true,
                    clock.instant())));
            if (heartbeatFailing) {
                heartbeatFailing = false;
                log.info("probe instance {} heartbeats are going through again", instanceId);
            }
        } catch (RuntimeException e) {
            if (!heartbeatFailing) {
                heartbeatFailing = true;
                log.warn("probe instance {} heartbeat failed, retrying every {} s: {}", instanceId,
                        heartbeatInterval.toMillis() / 1000.0, e.getMessage());
            } else {
                log.debug("probe instance {} heartbeat failed again: {}", instanceId, e.getMessage());
            }
        }
    }

    private void schedule(Runnable task, Duration delay) {
        ScheduledExecutorService executor = scheduler;
        if (executor == null) {
            return;
        }
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("registration retry not scheduled: the probe is stopping");
        }
    }
}
