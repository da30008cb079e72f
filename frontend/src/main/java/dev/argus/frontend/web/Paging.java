package dev.argus.frontend.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Validates the {@code page} and {@code size} query parameters of listings. */
public final class Paging {

    /** Largest page a client may ask for. */
    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    /** A page request, or a 400 naming the parameter that is out of range. */
    public static PageRequest of(int page, int size, Sort sort) {
        if (page < 0) {
            throw ApiException.badRequest("invalid-parameter", "parameter 'page' must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("invalid-parameter",
                    "parameter 'size' must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        return PageRequest.of(page, size, sort);
    }
}
