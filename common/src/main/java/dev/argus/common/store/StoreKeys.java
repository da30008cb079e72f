package dev.argus.common.store;

import java.util.regex.Pattern;

/** Maps a sha256 to its place in the store, {@code ab/cd/<sha256>}, after checking it is a sha256. */
public final class StoreKeys {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX_PAIR = Pattern.compile("[0-9a-f]{2}");

    private StoreKeys() {
    }

    /** The directory of a key, e.g. {@code ab/cd}. */
    public static String directory(String sha256) {
        requireSha256(sha256);
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4);
    }

    /** The path of a key, e.g. {@code ab/cd/abcd…}. */
    public static String path(String sha256) {
        return directory(sha256) + "/" + sha256;
    }

    /** True when the name is a lower-case sha256, a key. */
    public static boolean isSha256(String name) {
        return name != null && SHA256.matcher(name).matches();
    }

    /** True when the name is one level of a key's directory: two lower-case hex digits. */
    public static boolean isDirectoryLevel(String name) {
        return name != null && HEX_PAIR.matcher(name).matches();
    }

    /** Throws unless the directory is one {@link #directory} gives ({@code ab/cd}); returns it. */
    public static String requireDirectory(String directory) {
        int slash = directory == null ? -1 : directory.indexOf('/');
        if (slash != 2 || directory.length() != 5 || !isDirectoryLevel(directory.substring(0, 2))
                || !isDirectoryLevel(directory.substring(3))) {
            throw new IllegalArgumentException("not a store directory: " + directory);
        }
        return directory;
    }

    /** Throws unless the value is 64 lower-case hex characters. */
    public static String requireSha256(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case sha256: " + sha256);
        }
        return sha256;
    }
}
