package dev.argus.frontend.scan;

import dev.argus.common.message.Category;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One engine's result for one file of one scan; the first report of a (scan, file, probe) is kept. */
@Entity
@Table(name = "scan_result")
@IdClass(ScanResult.Key.class)
public class ScanResult {

    @Id
    private UUID scanId;
    @Id
    private String sha256;
    @Id
    private String probe;
    private String category;
    private String result;
    private String engineVersion;
    private String signatureVersion;
    private long durationMs;
    private String error;
    private boolean cached;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> details;
    private Instant reportedAt;

    protected ScanResult() {
    }

    public UUID scanId() {
        return scanId;
    }

    public String sha256() {
        return sha256;
    }

    public String probe() {
        return probe;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    /** The result as the API shows it. */
    public ResultView view() {
        return new ResultView(Category.fromWireName(category), result, engineVersion, signatureVersion, durationMs,
                error, cached, details == null ? Map.of() : details);
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private UUID scanId;
        private String sha256;
        private String probe;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(scanId, other.scanId)
                    && Objects.equals(sha256, other.sha256) && Objects.equals(probe, other.probe);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scanId, sha256, probe);
        }
    }
}
