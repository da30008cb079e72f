package dev.argus.frontend.catalog;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The names files were submitted under. */
public interface FileNameRepository extends JpaRepository<FileName, FileName.Key> {

    List<FileName> findBySha256InOrderByFirstSeenAscNameAsc(Collection<String> sha256s);
}
