package dev.argus.probe.engine.extract;

import dev.argus.common.message.Extraction;
import dev.argus.common.message.ExtractionStatus;
import java.time.Duration;

/**
 * The bookkeeping of one open container: its members, the bytes extracted from it (checked against the member, ratio
 * and job limits as they stream), its time, and what went wrong that did not stop it (an encrypted member, a damaged
 * member, a nested container that was not fully extracted). Not thread-safe (one job).
 */
final class ContainerSession {

    private static final int NAME_IN_DETAIL = 100;

    private final JobBudget job;
    private final ExtractProperties limits;
    private final long ratioBound;
    private final long deadlineNanos;
    private int members;
    private long containerBytes;
    private long memberBytes;
    private String encrypted;
    private String failed;
    private Extraction nested;
    private String nestedName;

    /** @param containerSize the container's real size on disk, which the ratio is measured against */
    ContainerSession(JobBudget job, ExtractProperties limits, long containerSize) {
        this.job = job;
        this.limits = limits;
        long byRatio = containerSize > Long.MAX_VALUE / limits.maxRatio() ? Long.MAX_VALUE
                : containerSize * limits.maxRatio();
        this.ratioBound = Math.max(byRatio, limits.ratioFloor().toBytes());
        this.deadlineNanos = job.deadlineNanos(System.nanoTime() + limits.containerTimeout().toNanos());
    }

    /** Called before a member is read: checks the member count, the time and interruption. */
    void startMember() throws LimitExceededException, InterruptedException {
        check();
        if (members + 1 > limits.maxMembersPerContainer()) {
            throw new LimitExceededException("members per container over " + limits.maxMembersPerContainer(),
                    false);
        }
    }

    /** A member's bytes start streaming (again, when another password is tried): its byte count starts at 0. */
    void memberBytesStart() {
        memberBytes = 0;
    }

    /** Counts bytes of the current member, before they are written anywhere. */
    void bytes(int count) throws LimitExceededException, InterruptedException {
        memberBytes += count;
        containerBytes += count;
        job.bytes(count);
        if (memberBytes > limits.maxMemberBytes().toBytes()) {
            throw new LimitExceededException("bytes per member over " + Sizes.format(limits.maxMemberBytes()
                    .toBytes()), false);
        }
        if (containerBytes > ratioBound) {
            throw new LimitExceededException("compression ratio over " + limits.maxRatio() + ":1 ("
                    + Sizes.format(containerBytes) + " extracted, more than " + Sizes.format(ratioBound)
                    + " allowed for this container)", false);
        }
        check();
    }

    /** The current member was read to its end. */
    void memberRead() {
        members++;
    }

    /** Throws when this container's or the job's time is up, or the thread was interrupted. */
    void check() throws LimitExceededException, InterruptedException {
        job.check();
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new LimitExceededException("time per container over " + seconds(limits.containerTimeout()),
                    false);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The nanoTime by which this container must be done, e.g. to kill a helper process. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Restarts the member count, when a container is read again with another password. */
    void restart() {
        members = 0;
    }

    int members() {
        return members;
    }

    /** Some content could not be decrypted; the extraction goes on with the rest. */
    void encrypted(String detail) {
        encrypted = detail;
    }

    /** Some member could not be read (damaged, unsupported method); the extraction goes on with the rest. */
    void failed(String detail) {
        if (failed == null) {
            failed = detail;
        }
    }

    /** A nested container's outcome: one that leaves content unscanned makes this container's outcome too. */
    void nested(Extraction extraction, String name) {
        if (nested == null && extraction.status().leavesContentUnscanned()) {
            nested = extraction;
            nestedName = MemberNames.shortened(name, NAME_IN_DETAIL);
        }
    }

    /** The outcome of a container read to its end: extracted, unless something was left unscanned. */
    Extraction finished() {
        if (failed != null) {
            return new Extraction(ExtractionStatus.FAILED, failed, members);
        }
        if (encrypted != null) {
            return new Extraction(ExtractionStatus.ENCRYPTED, encrypted, members);
        }
        if (nested != null) {
            return new Extraction(nested.status(), "member '" + nestedName + "': " + nested.detail(), members);
        }
        return new Extraction(ExtractionStatus.EXTRACTED, null, members);
    }

    /** The outcome of a container stopped early. */
    Extraction stopped(ExtractionStatus status, String detail) {
        return new Extraction(status, detail, members);
    }
}
