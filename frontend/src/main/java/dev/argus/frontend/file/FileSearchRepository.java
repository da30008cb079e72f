package dev.argus.frontend.file;

import dev.argus.frontend.catalog.StoredFile;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The file searches of {@code GET /api/v1/files}, newest seen first. LIKE patterns escape with a backslash. Names
 * and tags match only in the owner's scans ({@code owner} null: in every scan), so a search does not reveal
 * another user's file names or tags.
 */
interface FileSearchRepository extends Repository<StoredFile, String> {

    @Query(value = """
            select * from file f
            where f.sha256 like :prefix or f.md5 like :prefix or f.sha1 like :prefix
               or exists (select 1 from file_name n where n.sha256 = f.sha256 and n.name ilike :name
                          and (cast(:owner as text) is null or exists (select 1 from scan_file sf
                               join scan s on s.id = sf.scan_id
                               where sf.sha256 = n.sha256 and (sf.name = n.name or n.name = any(sf.other_names)) and s.owner = :owner)))
            order by f.last_seen desc, f.sha256
            """, countQuery = """
            select count(*) from file f
            where f.sha256 like :prefix or f.md5 like :prefix or f.sha1 like :prefix
               or exists (select 1 from file_name n where n.sha256 = f.sha256 and n.name ilike :name
                          and (cast(:owner as text) is null or exists (select 1 from scan_file sf
                               join scan s on s.id = sf.scan_id
                               where sf.sha256 = n.sha256 and (sf.name = n.name or n.name = any(sf.other_names)) and s.owner = :owner)))
            """, nativeQuery = true)
    Page<StoredFile> findByHashPrefixOrName(String prefix, String name, String owner, Pageable pageable);

    @Query(value = """
            select * from file f
            where exists (select 1 from file_name n where n.sha256 = f.sha256 and n.name ilike :name
                          and (cast(:owner as text) is null or exists (select 1 from scan_file sf
                               join scan s on s.id = sf.scan_id
                               where sf.sha256 = n.sha256 and (sf.name = n.name or n.name = any(sf.other_names)) and s.owner = :owner)))
            order by f.last_seen desc, f.sha256
            """, countQuery = """
            select count(*) from file f
            where exists (select 1 from file_name n where n.sha256 = f.sha256 and n.name ilike :name
                          and (cast(:owner as text) is null or exists (select 1 from scan_file sf
                               join scan s on s.id = sf.scan_id
                               where sf.sha256 = n.sha256 and (sf.name = n.name or n.name = any(sf.other_names)) and s.owner = :owner)))
            """, nativeQuery = true)
    Page<StoredFile> findByName(String name, String owner, Pageable pageable);

    @Query(value = """
            select * from file f
            where exists (select 1 from scan_file sf join scan s on s.id = sf.scan_id
                          where sf.sha256 = f.sha256 and s.tags @> array[cast(:tag as text)]
                            and (cast(:owner as text) is null or s.owner = :owner))
            order by f.last_seen desc, f.sha256
            """, countQuery = """
            select count(*) from file f
            where exists (select 1 from scan_file sf join scan s on s.id = sf.scan_id
                          where sf.sha256 = f.sha256 and s.tags @> array[cast(:tag as text)]
                            and (cast(:owner as text) is null or s.owner = :owner))
            """, nativeQuery = true)
    Page<StoredFile> findByTag(String tag, String owner, Pageable pageable);

    @Query(value = "select * from file f order by f.last_seen desc, f.sha256",
            countQuery = "select count(*) from file", nativeQuery = true)
    Page<StoredFile> findNewest(Pageable pageable);

    /** The tags of every scan each file was part of, among the owner's scans (owner null: all scans). */
    @Query(value = """
            select distinct sf.sha256 as sha256, t.tag as tag
            from scan_file sf join scan s on s.id = sf.scan_id cross join lateral unnest(s.tags) as t(tag)
            where sf.sha256 in (:sha256s) and (cast(:owner as text) is null or s.owner = :owner)
            order by 1, 2
            """, nativeQuery = true)
    List<FileTag> findTags(Collection<String> sha256s, String owner);

    /** One tag of one file. */
    interface FileTag {
        String getSha256();

        String getTag();
    }
}
