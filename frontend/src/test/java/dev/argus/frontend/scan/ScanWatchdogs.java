package dev.argus.frontend.scan;

import org.springframework.context.ApplicationContext;

/** Lets integration tests outside this package run the application's scan watchdog now instead of on its timer. */
public final class ScanWatchdogs {

    private ScanWatchdogs() {
    }

    /** One sweep of the context's {@link ScanWatchdog}, as its timer runs it. */
    public static void sweep(ApplicationContext context) {
        context.getBean(ScanWatchdog.class).sweep();
    }
}
