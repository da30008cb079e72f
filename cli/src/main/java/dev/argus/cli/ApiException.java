package dev.argus.cli;

import tools.jackson.databind.JsonNode;

/**
 * An error answer of the REST API: its HTTP status and the problem document's slug
 * ({@code urn:argus:problem:<slug>}) and detail. The problem document is kept for members such as
 * {@code maxFiles}.
 */
public final class ApiException extends CliException {

    private final int status;
    private final String slug;
    private final JsonNode problem;

    public ApiException(int status, String slug, String detail, JsonNode problem) {
        super(describe(status, slug, detail));
        this.status = status;
        this.slug = slug;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The problem's slug, e.g. {@code file-too-large}; empty when the answer was no problem document. */
    public String slug() {
        return slug;
    }

    public JsonNode problem() {
        return problem;
    }

    private static String describe(int status, String slug, String detail) {
        if (status == 401) {
            return "the server refused the API key (401 unauthorized)";
        }
        if (status == 403) {
            return "the API key's role may not do this (403 forbidden)";
        }
        StringBuilder message = new StringBuilder("the server answered ").append(status);
        if (!slug.isEmpty()) {
            message.append(' ').append(slug);
        }
        if (detail != null && !detail.isBlank()) {
            message.append(": ").append(detail);
        }
        return message.toString();
    }
}
