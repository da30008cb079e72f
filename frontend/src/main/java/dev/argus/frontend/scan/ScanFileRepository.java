package dev.argus.frontend.scan;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reads the files of scans. */
interface ScanFileRepository extends JpaRepository<ScanFile, ScanFile.Key> {

    List<ScanFile> findByScanIdInOrderByPositionAsc(Collection<UUID> scanIds);

    /** One scan's files, in order (a query Hibernate translates once, unlike the collection form). */
    List<ScanFile> findByScanIdOrderByPositionAsc(UUID scanId);
}
