package dev.argus.brain.registry;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The probe table. */
interface ProbeRepository extends JpaRepository<ProbeEntity, String> {

    /**
     * Inserts the probe or replaces its descriptor; a message older than what is stored (out-of-order
     * delivery) changes nothing, so the row keeps the latest descriptor any instance sent. Only the credential that
     * registered the probe first may replace it (a row without credential takes the first one that comes).
     *
     * @return 1 when the row was written, 0 when the message was older or came from another credential
     */
    @Modifying
    @Query(value = """
            insert into {h-schema}probe as p (name, display_name, category, version, engine_version, signature_version,
                                              mime_types, timeout_ms, first_seen, last_seen, registered_by)
            values (:name, :displayName, :category, :version, :engineVersion, :signatureVersion,
                    :mimeTypes, :timeoutMs, :seen, :seen, :credential)
            on conflict (name) do update set
                display_name = excluded.display_name, category = excluded.category, version = excluded.version,
                engine_version = excluded.engine_version, signature_version = excluded.signature_version,
                mime_types = excluded.mime_types, timeout_ms = excluded.timeout_ms, last_seen = excluded.last_seen,
                registered_by = excluded.registered_by
            where p.last_seen <= excluded.last_seen
              and (p.registered_by is null or p.registered_by = excluded.registered_by)""", nativeQuery = true)
    int upsert(@Param("name") String name, @Param("displayName") String displayName, @Param("category") String category,
               @Param("version") String version, @Param("engineVersion") String engineVersion,
               @Param("signatureVersion") String signatureVersion, @Param("mimeTypes") String mimeTypes,
               @Param("timeoutMs") long timeoutMs, @Param("seen") Instant seen, @Param("credential") String credential);

    /** Forgets probes last seen before the instant (their instances go with them: on delete cascade). */
    @Modifying
    @Query("delete from ProbeEntity p where p.lastSeen < :before")
    int deleteSeenBefore(@Param("before") Instant before);
}
