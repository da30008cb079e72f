package dev.argus.frontend.security;

import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may do. ADMIN: everything (users, keys, every scan, sample download); ANALYST: submit scans, see
 * its own scans and every file report; READER: read file reports and probes.
 */
public enum Role {
    ADMIN, ANALYST, READER;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** Parses a role name case-insensitively; null when it is not one. */
    public static Role parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
