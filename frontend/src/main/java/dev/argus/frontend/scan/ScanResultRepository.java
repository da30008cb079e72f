package dev.argus.frontend.scan;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Reads results. */
public interface ScanResultRepository extends JpaRepository<ScanResult, ScanResult.Key> {

    List<ScanResult> findByScanIdIn(Collection<UUID> scanIds);

    /** One scan's results (a query Hibernate translates once, unlike the collection form). */
    List<ScanResult> findByScanId(UUID scanId);

    /** The latest result of each probe for each file, across all scans. */
    @Query(value = """
            select distinct on (sha256, probe) * from scan_result
            where sha256 in (:sha256s)
            order by sha256, probe, reported_at desc
            """, nativeQuery = true)
    List<ScanResult> findLatestPerProbe(Collection<String> sha256s);
}
