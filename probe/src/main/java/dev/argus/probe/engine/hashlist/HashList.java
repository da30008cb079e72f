package dev.argus.probe.engine.hashlist;

import java.util.List;
import java.util.Optional;

/**
 * One list file's hashes.
 *
 * @param file         the file's name, e.g. {@code eicar.bad.txt}
 * @param label        the list's label, the threat name of a known-bad match: the {@code # label:} header, else the
 *                     file name without its suffix
 * @param kind         known-bad or known-good
 * @param sets         one set per algorithm that occurs in the file, the strongest (sha256) first
 * @param skippedLines lines that were neither a hash, a comment nor blank
 * @param firstSkipped the first skipped line's number, 0 when none was skipped
 */
record HashList(String file, String label, ListKind kind, List<SortedHashSet> sets, long skippedLines,
                long firstSkipped) {

    HashList {
        sets = List.copyOf(sets);
    }

    /** The distinct hashes in the list, over every algorithm. */
    long size() {
        return sets.stream().mapToLong(SortedHashSet::size).sum();
    }

    /** The heap bytes of the list's keys. */
    long keyBytes() {
        return sets.stream().mapToLong(SortedHashSet::keyBytes).sum();
    }

    /** The strongest of the file's hashes found in the list. */
    Optional<HashAlgorithm> match(FileHashes hashes) {
        return sets.stream().filter(set -> set.contains(hashes.get(set.algorithm())))
                .map(SortedHashSet::algorithm).findFirst();
    }
}
