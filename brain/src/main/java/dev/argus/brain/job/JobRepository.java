package dev.argus.brain.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The job table. */
public interface JobRepository extends JpaRepository<JobEntity, UUID> {

    /**
     * Up to {@code limit} PENDING jobs past their deadline, locked; rows another brain holds are skipped, so
     * several brains can sweep at once.
     */
    @Query(value = """
            select * from {h-schema}job
            where status = 'PENDING' and deadline < :now
            order by deadline
            limit :limit
            for update skip locked""", nativeQuery = true)
    List<JobEntity> lockOverdue(@Param("now") Instant now, @Param("limit") int limit);

    /** Ends the scan's PENDING jobs as CANCELLED; returns how many. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update JobEntity j set j.status = dev.argus.brain.job.JobStatus.CANCELLED, j.finishedAt = :now
            where j.scanId = :scanId and j.status = dev.argus.brain.job.JobStatus.PENDING""")
    int cancelPending(@Param("scanId") UUID scanId, @Param("now") Instant now);
}
