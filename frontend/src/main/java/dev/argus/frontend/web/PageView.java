package dev.argus.frontend.web;

import java.util.List;

/**
 * One page of a listing, as the API returns it.
 *
 * @param items the page's items
 * @param page  zero-based page number
 * @param size  requested page size
 * @param total items across all pages
 */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
