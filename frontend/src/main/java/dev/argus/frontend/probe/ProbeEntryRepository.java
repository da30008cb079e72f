package dev.argus.frontend.probe;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reads the directory copy. */
interface ProbeEntryRepository extends JpaRepository<ProbeEntry, String> {

    List<ProbeEntry> findAllByOrderByNameAsc();
}
