package dev.argus.probe.engine.hashlist;

import dev.argus.probe.engine.support.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every list of the hash list directory, loaded together; replaced as a whole when a list changes.
 *
 * @param lists   the lists, sorted by file name
 * @param version {@code lists:} and 12 hex digits of a SHA-256 over the lists' names and contents
 */
record HashLists(List<HashList> lists, String version) implements DirectorySnapshot {

    HashLists {
        lists = List.copyOf(lists);
    }

    /**
     * A list that holds one of a file's hashes.
     *
     * @param list      the list
     * @param algorithm which of the file's hashes it holds
     */
    record Match(HashList list, HashAlgorithm algorithm) {
    }

    /** Every list holding one of the file's hashes, in the lists' order. */
    List<Match> lookup(FileHashes hashes) {
        List<Match> matches = new ArrayList<>();
        for (HashList list : lists) {
            list.match(hashes).ifPresent(algorithm -> matches.add(new Match(list, algorithm)));
        }
        return matches;
    }

    long size() {
        return lists.stream().mapToLong(HashList::size).sum();
    }

    @Override
    public String summary() {
        long bytes = lists.stream().mapToLong(HashList::keyBytes).sum();
        return String.format(Locale.ROOT, "%d hash list(s) %s with %,d hashes in %.1f MB", lists.size(),
                lists.stream().map(HashList::file).toList(), size(), bytes / 1_048_576.0);
    }
}
