package dev.argus.frontend.probe;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeStatus;
import dev.argus.frontend.FrontendProperties;
import dev.argus.frontend.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The frontend's copy of the brain's probe directory. Each {@link ProbeDirectoryUpdated} replaces it whole;
 * a copy not refreshed within {@code argus.frontend.directory-stale-after} shows every probe offline (the brain
 * is gone or cut off). It validates requested probe names and supplies the default probe list. Uploads resolve
 * their probes from a snapshot of the table at most {@link #SNAPSHOT_FOR} old (dropped when this process
 * replaces the directory), so a busy frontend reads it once a second rather than once per upload; the
 * online state is still computed at each use.
 */
@Service
public class ProbeDirectory {

    private static final Logger log = LoggerFactory.getLogger(ProbeDirectory.class);
    /** How old the upload path's copy of the table may be. */
    static final Duration SNAPSHOT_FOR = Duration.ofSeconds(1);

    private final ProbeEntryRepository probes;
    private final JdbcClient jdbc;
    private final Duration staleAfter;
    private final Duration retryAfter;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot snapshot;

    ProbeDirectory(ProbeEntryRepository probes, JdbcClient jdbc, FrontendProperties properties) {
        this.probes = probes;
        this.jdbc = jdbc;
        this.staleAfter = properties.directoryStaleAfter();
        this.retryAfter = properties.retryAfter();
    }

    /**
     * Every probe, by name; offline when the directory is stale. From the same snapshot as uploads (at most
     * {@link #SNAPSHOT_FOR} old, dropped when this process replaces the directory): reading the table through JPA
     * on every request cost more CPU than the rest of the request.
     */
    public List<ProbeView> list() {
        return views(snapshot());
    }

    private List<ProbeView> views(List<ProbeEntry> entries) {
        Instant freshSince = clock.instant().minus(staleAfter);
        return entries.stream()
                .map(p -> new ProbeView(p.name(), p.displayName(), p.category(), p.version(), p.engineVersion(),
                        p.mimeTypes(), p.online() && p.updatedAt().isAfter(freshSince), p.instances(),
                        p.lastSeen(), p.signatureVersion(), p.backlog()))
                .toList();
    }

    /**
     * The probes a scan runs: the requested names after checking each is known (400 naming the unknown ones),
     * or, when none is requested, every online probe (503 when there is none).
     */
    public List<String> resolve(List<String> requested) {
        List<ProbeView> known = views(snapshot());
        if (requested.isEmpty()) {
            List<String> online = known.stream().filter(ProbeView::online).map(ProbeView::name).toList();
            if (online.isEmpty()) {
                throw ApiException.unavailable("no-probes-online",
                        "no probe is online to scan with; start a probe or try again later", retryAfter);
            }
            return online;
        }
        Set<String> names = known.stream().map(ProbeView::name).collect(Collectors.toSet());
        Set<String> distinct = new LinkedHashSet<>(requested);
        List<String> unknown = distinct.stream().filter(name -> !names.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown-probe", "unknown probe" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                    + " in field 'probes'; known probes: " + String.join(", ", names.stream().sorted().toList()))
                    .with("unknownProbes", unknown);
        }
        return List.copyOf(distinct);
    }

    /**
     * The first of these probes whose queue holds more than {@code bound} job batches by the brain's last
     * measurement, with that backlog; empty when none does or none was measured.
     */
    public Optional<ProbeView> backedUp(List<String> probes, long bound) {
        return list().stream()
                .filter(p -> probes.contains(p.name()) && p.backlog() != null && p.backlog() > bound)
                .findFirst();
    }

    /** Replaces the copy with the brain's latest directory. */
    @Transactional
    public void replace(ProbeDirectoryUpdated update) {
        // Two frontends may replace at once; without the lock their inserts could collide.
        jdbc.sql("lock table probe in share row exclusive mode").update();
        jdbc.sql("delete from probe").update();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        int count = 0;
        for (ProbeStatus status : update.probes() == null ? List.<ProbeStatus>of() : update.probes()) {
            ProbeDescriptor probe = status == null ? null : status.probe();
            if (probe == null || !Topology.PROBE_NAME.matcher(probe.name()).matches()) {
                log.warn("ignoring a directory entry with an invalid probe: {}", status);
                continue;
            }
            jdbc.sql("""
                            insert into probe (name, display_name, category, version, engine_version,
                                               signature_version, mime_types, online, instances, last_seen, updated_at,
                                               backlog)
                            values (:name, :displayName, :category, :version, :engineVersion, :signatureVersion,
                                    :mimeTypes, :online, :instances, :lastSeen, :updatedAt, :backlog)
                            on conflict (name) do nothing
                            """)
                    .param("name", probe.name())
                    .param("displayName", probe.displayName())
                    .param("category", probe.category().wireName())
                    .param("version", probe.version())
                    .param("engineVersion", probe.engineVersion())
                    .param("signatureVersion", probe.signatureVersion())
                    .param("mimeTypes", probe.mimeTypes())
                    .param("online", status.online())
                    .param("instances", status.instances())
                    .param("lastSeen", status.lastSeen() == null ? null
                            : OffsetDateTime.ofInstant(status.lastSeen(), ZoneOffset.UTC))
                    .param("updatedAt", now)
                    .param("backlog", status.backlog() == null ? null : Math.max(0, status.backlog()))
                    .update();
            count++;
        }
        log.debug("probe directory replaced: {} probes", count);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                snapshot = null;
            }
        });
    }

    /**
     * True when the probe is known and its engine only describes files (category {@code metadata}: hashes, mime
     * type, executable structure; or {@code extractor}: it opens containers, the other engines judge what they hold),
     * from the snapshot the upload path uses.
     */
    public boolean describesOnly(String probe) {
        for (ProbeEntry entry : snapshot()) {
            if (entry.name().equals(probe)) {
                return ProbeCategory.METADATA.wireName().equals(entry.category())
                        || ProbeCategory.EXTRACTOR.wireName().equals(entry.category());
            }
        }
        return false;
    }

    private List<ProbeEntry> snapshot() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.readAt().plus(SNAPSHOT_FOR))) {
            current = new Snapshot(List.copyOf(probes.findAllByOrderByNameAsc()), now);
            snapshot = current;
        }
        return current.entries();
    }

    private record Snapshot(List<ProbeEntry> entries, Instant readAt) {
    }
}
