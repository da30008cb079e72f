package dev.argus.frontend.scan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The parts of a scan row that writers check, read with a row lock held until the transaction ends. */
record ScanRow(UUID id, ScanStatus status, List<String> probes, int total, int done) {

    static Optional<ScanRow> lock(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select status, probes, total, done from scan where id = :id for update")
                .param("id", id)
                .query((rs, row) -> new ScanRow(id, ScanStatus.fromWireName(rs.getString("status")),
                        Arrays.asList((String[]) rs.getArray("probes").getArray()),
                        rs.getInt("total"), rs.getInt("done")))
                .optional();
    }

    Progress progress() {
        return new Progress(total, done);
    }
}
