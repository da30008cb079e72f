package dev.argus.brain.dispatch;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The scan table. */
interface ScanRepository extends JpaRepository<ScanEntity, UUID> {

    /** Marks the scan cancelled, creating its row when the cancel overtook the request. */
    @Modifying
    @Query(value = """
            insert into {h-schema}scan (id, received_at, cancelled, requested) values (:id, :now, true, false)
            on conflict (id) do update set cancelled = true""", nativeQuery = true)
    int upsertCancelled(@Param("id") UUID id, @Param("now") Instant now);
}
