package dev.argus.frontend.catalog;

import dev.argus.frontend.web.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Looks files up by any of their hashes. */
public interface StoredFileRepository extends JpaRepository<StoredFile, String> {

    Optional<StoredFile> findFirstByMd5OrderByLastSeenDesc(String md5);

    Optional<StoredFile> findFirstBySha1OrderByLastSeenDesc(String sha1);

    /** The catalogue rows of one scan's files (one parameter, unlike {@code findAllById} with a collection). */
    @Query(value = "select f.* from file f join scan_file s on s.sha256 = f.sha256 where s.scan_id = :scanId",
            nativeQuery = true)
    List<StoredFile> findByScan(UUID scanId);

    /** The file with this hash, as {@link #findByHash}; a 404 problem {@code file-not-found} naming it otherwise. */
    default StoredFile require(Hash hash) {
        return findByHash(hash).orElseThrow(() -> ApiException.notFound("file-not-found",
                "no file with " + hash.kind().name().toLowerCase(Locale.ROOT) + " " + hash.value()));
    }

    /** The file with this hash, whatever its kind; md5 and sha1 collisions resolve to the latest seen. */
    default Optional<StoredFile> findByHash(Hash hash) {
        return switch (hash.kind()) {
            case MD5 -> findFirstByMd5OrderByLastSeenDesc(hash.value());
            case SHA1 -> findFirstBySha1OrderByLastSeenDesc(hash.value());
            case SHA256 -> findById(hash.value());
        };
    }
}
