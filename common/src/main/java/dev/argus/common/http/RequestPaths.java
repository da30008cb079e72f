package dev.argus.common.http;

/**
 * The one rule for request paths that every process's HTTP edge refuses with a 400 before Spring parses them: Tomcat
 * lets a bad percent escape through inside a {@code ;} path parameter ({@code /x/;a%}), and Spring's parser then
 * throws, which was a 500.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** True when every {@code %} in the raw request URI is followed by two hexadecimal digits. */
    public static boolean wellEncoded(String uri) {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                    || Character.digit(uri.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the raw request URI holds an encoded NUL ({@code %00}), which no Argus path or value may carry. */
    public static boolean hasEncodedNul(String uri) {
        return uri.contains("%00");
    }
}
