package dev.argus.standalone;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords for the embedded services; made anew on every start and never logged. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 144 random bits, URL-safe Base64 (24 characters, no padding). */
    public static String password() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
