package dev.argus.standalone;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar argus-standalone.jar}: the whole of Argus in one process, for one machine. Prints one line with
 * the address once the web UI and API answer; Ctrl-C (or SIGTERM) stops everything, keeping the data directory.
 */
public final class StandaloneApplication {

    private StandaloneApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        long startedAt = System.nanoTime();
        StandaloneLogging.configure(args);
        Logger log = LoggerFactory.getLogger(StandaloneApplication.class);
        StandaloneProperties settings = StandaloneProperties.bind(args);
        StandaloneLogging.logToFile(settings.dataDir().toAbsolutePath().normalize());
        Standalone argus;
        try {
            argus = Standalone.start(args);
        } catch (RuntimeException e) {
            log.error("Argus did not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        if (settings.exitWhenReady()) {
            log.info("Argus was ready at {} after {} ms; stopping (--argus.standalone.exit-when-ready)", argus.url(),
                    (System.nanoTime() - startedAt) / 1_000_000);
            argus.close();
            System.exit(0);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("argus-stop").unstarted(() -> {
            log.info("stopping Argus");
            argus.close();
            stopped.countDown();
        }));
        log.info("Argus is ready at {} (data in {}), started in {} ms", argus.url(), argus.dataDirectory(),
                (System.nanoTime() - startedAt) / 1_000_000);
        stopped.await();
    }
}
