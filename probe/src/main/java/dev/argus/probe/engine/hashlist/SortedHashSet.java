package dev.argus.probe.engine.hashlist;

import java.util.Arrays;

/**
 * A set of hashes of one algorithm in a single sorted {@code long[]}: each hash is {@link HashAlgorithm#longs()}
 * big-endian longs (a sha256 is 4, so a million sha256 take 32 MB and no object per hash), compared as unsigned
 * numbers, i.e. in the order of the hashes' bytes. Lookups are a binary search. Immutable and thread-safe once
 * built.
 */
final class SortedHashSet {

    private final HashAlgorithm algorithm;
    private final int stride;
    private final long[] keys;
    private final int size;

    private SortedHashSet(HashAlgorithm algorithm, long[] keys, int size) {
        this.algorithm = algorithm;
        this.stride = algorithm.longs();
        this.keys = keys;
        this.size = size;
    }

    HashAlgorithm algorithm() {
        return algorithm;
    }

    /** How many distinct hashes the set holds. */
    int size() {
        return size;
    }

    /** The bytes the set's keys take on the heap. */
    long keyBytes() {
        return (long) keys.length * Long.BYTES;
    }

    /** True when the set holds {@code digest} (which must be {@link HashAlgorithm#bytes()} long). */
    boolean contains(byte[] digest) {
        long[] key = new long[stride];
        toLongs(digest, key);
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(keys, middle * stride, key, 0, stride);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Packs a digest's bytes into big-endian longs; a last partial long is filled from its high bits. */
    static void toLongs(byte[] digest, long[] into) {
        Arrays.fill(into, 0L);
        for (int i = 0; i < digest.length; i++) {
            into[i / 8] |= (digest[i] & 0xFFL) << (56 - 8 * (i % 8));
        }
    }

    private static int compare(long[] a, int aOffset, long[] b, int bOffset, int stride) {
        for (int k = 0; k < stride; k++) {
            int order = Long.compareUnsigned(a[aOffset + k], b[bOffset + k]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Collects hashes in any order, with duplicates; not thread-safe. */
    static final class Builder {

        private static final int MAX_LONGS = Integer.MAX_VALUE - 16;
        private static final int BUCKETS = 1 << 16;
        private static final int INSERTION_SORT_MAX = 48;

        private final HashAlgorithm algorithm;
        private final int stride;
        private long[] keys;
        private int size;

        Builder(HashAlgorithm algorithm) {
            this.algorithm = algorithm;
            this.stride = algorithm.longs();
            this.keys = new long[1024 * stride];
        }

        int size() {
            return size;
        }

        /**
         * Adds a hash written in hex ({@link HashAlgorithm#hexLength()} digits of either case) at
         * {@code text[from...]}.
         *
         * @return false, adding nothing, when those characters are not hex digits
         */
        boolean addHex(CharSequence text, int from) {
            ensureRoom();
            int offset = size * stride;
            int digits = algorithm.hexLength();
            for (int k = 0; k < stride; k++) {
                long value = 0;
                int chunk = Math.min(16, digits - 16 * k);
                for (int i = 0; i < chunk; i++) {
                    int digit = Character.digit(text.charAt(from + 16 * k + i), 16);
                    if (digit < 0) {
                        return false;
                    }
                    value = (value << 4) | digit;
                }
                keys[offset + k] = value << (4 * (16 - chunk));
            }
            size++;
            return true;
        }

        /** Sorts, removes duplicates and trims the array; the builder must not be used afterwards. */
        SortedHashSet build() {
            long[] sorted = bucketSort(keys, size, stride);
            keys = null;
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || compare(sorted, i * stride, sorted, (distinct - 1) * stride, stride) != 0) {
                    System.arraycopy(sorted, i * stride, sorted, distinct * stride, stride);
                    distinct++;
                }
            }
            long[] exact = distinct == size ? sorted : Arrays.copyOf(sorted, distinct * stride);
            return new SortedHashSet(algorithm, exact, distinct);
        }

        private void ensureRoom() {
            if ((size + 1) * (long) stride <= keys.length) {
                return;
            }
            long grown = Math.min((long) keys.length * 2, MAX_LONGS / stride * (long) stride);
            if (grown <= keys.length) {
                throw new IllegalStateException("more than " + keys.length / stride + " " + algorithm.id()
                        + " hashes in one list");
            }
            keys = Arrays.copyOf(keys, (int) grown);
        }

        /**
         * Sorts {@code n} records of {@code stride} longs into a new exact-size array: records are first distributed
         * by their top 16 bits (hashes are evenly spread, so each of the 65,536 buckets gets a handful), then each
         * bucket is sorted, by insertion when small and by heap sort otherwise, so even a crafted list that puts
         * everything into one bucket sorts in O(n log n).
         */
        private static long[] bucketSort(long[] records, int n, int stride) {
            int[] start = new int[BUCKETS + 1];
            for (int i = 0; i < n; i++) {
                start[bucket(records[i * stride]) + 1]++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                start[b + 1] += start[b];
            }
            int[] next = Arrays.copyOf(start, BUCKETS);
            long[] sorted = new long[n * stride];
            for (int i = 0; i < n; i++) {
                System.arraycopy(records, i * stride, sorted, next[bucket(records[i * stride])]++ * stride, stride);
            }
            long[] swap = new long[stride];
            for (int b = 0; b < BUCKETS; b++) {
                int from = start[b];
                int to = start[b + 1];
                if (to - from <= INSERTION_SORT_MAX) {
                    insertionSort(sorted, from, to, stride, swap);
                } else {
                    heapSort(sorted, from, to - from, stride, swap);
                }
            }
            return sorted;
        }

        private static int bucket(long firstLong) {
            return (int) (firstLong >>> 48);
        }

        private static void insertionSort(long[] a, int from, int to, int stride, long[] swap) {
            for (int i = from + 1; i < to; i++) {
                for (int j = i; j > from && compare(a, (j - 1) * stride, a, j * stride, stride) > 0; j--) {
                    exchange(a, j - 1, j, stride, swap);
                }
            }
        }

        /** In-place heap sort of the {@code n} records starting at record {@code base}. */
        private static void heapSort(long[] a, int base, int n, int stride, long[] swap) {
            for (int i = n / 2 - 1; i >= 0; i--) {
                siftDown(a, base, i, n, stride, swap);
            }
            for (int end = n - 1; end > 0; end--) {
                exchange(a, base, base + end, stride, swap);
                siftDown(a, base, 0, end, stride, swap);
            }
        }

        private static void siftDown(long[] a, int base, int root, int n, int stride, long[] swap) {
            while (true) {
                int child = 2 * root + 1;
                if (child >= n) {
                    return;
                }
                if (child + 1 < n && compare(a, (base + child) * stride, a, (base + child + 1) * stride, stride) < 0) {
                    child++;
                }
                if (compare(a, (base + root) * stride, a, (base + child) * stride, stride) >= 0) {
                    return;
                }
                exchange(a, base + root, base + child, stride, swap);
                root = child;
            }
        }

        private static void exchange(long[] a, int i, int j, int stride, long[] swap) {
            System.arraycopy(a, i * stride, swap, 0, stride);
            System.arraycopy(a, j * stride, a, i * stride, stride);
            System.arraycopy(swap, 0, a, j * stride, stride);
        }
    }
}
