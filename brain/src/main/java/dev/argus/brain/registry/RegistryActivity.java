package dev.argus.brain.registry;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** How many registrations and heartbeats the registry is handling right now. Thread-safe. */
@Component
public class RegistryActivity {

    private final AtomicInteger inProgress = new AtomicInteger();

    void started() {
        inProgress.incrementAndGet();
    }

    void finished() {
        inProgress.decrementAndGet();
    }

    /** True when no registration or heartbeat is being handled. */
    public boolean isIdle() {
        return inProgress.get() == 0;
    }
}
