package dev.argus.frontend.catalog;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Looks files up by any of their hashes. */
public interface StoredFileRepository extends JpaRepository<StoredFile, String> {

    Optional<StoredFile> findFirstByMd5OrderByLastSeenDesc(String md5);

    Optional<StoredFile> findFirstBySha1OrderByLastSeenDesc(String sha1);

    /** The file with this hash, whatever its kind; md5 and sha1 collisions resolve to the latest seen. */
    default Optional<StoredFile> findByHash(Hash hash) {
        return switch (hash.kind()) {
            case MD5 -> findFirstByMd5OrderByLastSeenDesc(hash.value());
            case SHA1 -> findFirstBySha1OrderByLastSeenDesc(hash.value());
            case SHA256 -> findById(hash.value());
        };
    }
}
