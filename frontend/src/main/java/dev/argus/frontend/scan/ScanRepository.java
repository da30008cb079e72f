package dev.argus.frontend.scan;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Reads scans. */
public interface ScanRepository extends JpaRepository<Scan, UUID> {

    Page<Scan> findByStatus(ScanStatus status, Pageable pageable);

    /** The scans a file was part of, newest first. */
    @Query("select s from Scan s where s.id in (select f.scanId from ScanFile f where f.sha256 = :sha256)"
            + " order by s.createdAt desc")
    List<Scan> findContaining(String sha256, Limit limit);

    /** The owner's scans a file was part of, newest first. */
    @Query("select s from Scan s where s.owner = :owner"
            + " and s.id in (select f.scanId from ScanFile f where f.sha256 = :sha256) order by s.createdAt desc")
    List<Scan> findContainingOwnedBy(String sha256, String owner, Limit limit);

    Page<Scan> findByOwner(String owner, Pageable pageable);

    Page<Scan> findByOwnerAndStatus(String owner, ScanStatus status, Pageable pageable);
}
