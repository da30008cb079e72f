package dev.argus.brain.registry;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The probe_instance table. */
interface ProbeInstanceRepository extends JpaRepository<ProbeInstanceEntity, ProbeInstanceEntity.Key> {

    /** Records that the instance runs the probe and was seen at {@code seen} (never moving backwards). */
    @Modifying
    @Query(value = """
            insert into {h-schema}probe_instance as i (instance_id, probe_name, last_seen)
            values (:instanceId, :probeName, :seen)
            on conflict (instance_id, probe_name) do update set last_seen = greatest(i.last_seen, excluded.last_seen)""",
            nativeQuery = true)
    int upsert(@Param("instanceId") String instanceId, @Param("probeName") String probeName,
               @Param("seen") Instant seen);

    /** Instances seen at or after the instant. */
    List<ProbeInstanceEntity> findByLastSeenGreaterThanEqual(Instant since);

    /** Forgets instances not seen since the instant. */
    @Modifying
    @Query("delete from ProbeInstanceEntity i where i.lastSeen < :before")
    int deleteSeenBefore(@Param("before") Instant before);
}
