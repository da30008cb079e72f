package dev.argus.frontend.catalog;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The names files were submitted under. */
public interface FileNameRepository extends JpaRepository<FileName, FileName.Key> {

    List<FileName> findBySha256InOrderByFirstSeenAscNameAsc(Collection<String> sha256s);

    /**
     * The names the files were submitted under in the owner's scans (owner null: in any scan), oldest first:
     * another user's file names are not shown.
     */
    @Query(value = """
            select n.* from file_name n
            where n.sha256 in (:sha256s)
              and (cast(:owner as text) is null or exists (select 1 from scan_file sf join scan s on s.id = sf.scan_id
                   where sf.sha256 = n.sha256 and (sf.name = n.name or n.name = any(sf.other_names)) and s.owner = :owner))
            order by n.first_seen, n.name
            """, nativeQuery = true)
    List<FileName> findVisible(Collection<String> sha256s, String owner);
}
