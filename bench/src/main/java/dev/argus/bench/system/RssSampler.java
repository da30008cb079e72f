package dev.argus.bench.system;

/** Samples a process's RSS every 100 ms on a daemon thread and keeps the peak, until closed. */
public final class RssSampler implements AutoCloseable {

    private final long pid;
    private final Thread thread;
    private volatile double peakMiB;
    private volatile boolean running = true;

    public RssSampler(long pid) {
        this.pid = pid;
        this.peakMiB = ProcStats.rssMiB(pid);
        this.thread = Thread.ofPlatform().daemon(true).name("rss-" + pid).start(this::sample);
    }

    private void sample() {
        while (running) {
            peakMiB = Math.max(peakMiB, ProcStats.rssMiB(pid));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public double peakMiB() {
        return peakMiB;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        peakMiB = Math.max(peakMiB, ProcStats.rssMiB(pid));
    }
}
