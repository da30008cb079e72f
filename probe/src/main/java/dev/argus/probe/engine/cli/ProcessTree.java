package dev.argus.probe.engine.cli;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process and every process it started. The descendants are listed before the process is killed, because
 * once it is gone they are re-parented and no longer appear as its descendants.
 */
final class ProcessTree {

    private static final long WAIT_MILLIS = 5_000;

    private ProcessTree() {
    }

    /**
     * Sends SIGKILL to the process and its descendants, then waits up to 5 s for the process itself to be gone, so
     * the caller can safely delete the file it was reading. Killed descendants are not awaited: they die at once,
     * but as orphans they stay zombies until the system's init reaps them, which says nothing about Argus. Keeps
     * the caller's interrupt status.
     */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
