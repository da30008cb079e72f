package dev.argus.frontend.file;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The containers a file was found in and the files found in it, across scans ({@code file_member}), as a file report
 * lists them. A caller who is not an admin sees only the pairs of its own scans: a member path tells as much as a
 * file name. Plain SQL, at most {@value #MAX} each way.
 */
@Component
class FileMembers {

    /** The most parents, and the most children, a file report lists. */
    static final int MAX = 100;

    private static final String VISIBLE = """
            (cast(:owner as text) is null or exists (
                select 1 from scan_file sf join scan s on s.id = sf.scan_id
                where sf.sha256 = m.child and sf.parent = m.parent and s.owner = :owner))""";

    private final JdbcClient jdbc;

    FileMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The containers the file was found in, oldest pair first. */
    List<FileReport.Member> parents(String sha256, String owner) {
        return pairs("m.parent", "m.child", sha256, owner);
    }

    /** The files found in it, oldest pair first. */
    List<FileReport.Member> children(String sha256, String owner) {
        return pairs("m.child", "m.parent", sha256, owner);
    }

    /** The pairs whose {@code known} side is the file, as the {@code other} side and the member path. */
    private List<FileReport.Member> pairs(String other, String known, String sha256, String owner) {
        return jdbc.sql("select " + other + " as sha256, m.path from file_member m where " + known + " = :sha256 and "
                        + VISIBLE + " order by m.first_seen, " + other + ", m.path limit " + MAX)
                .param("sha256", sha256)
                .param("owner", owner)
                .query((rs, row) -> new FileReport.Member(rs.getString("sha256"), rs.getString("path")))
                .list();
    }
}
