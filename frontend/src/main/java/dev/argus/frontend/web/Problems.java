package dev.argus.frontend.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem documents with the project's type URIs, {@code urn:argus:problem:<slug>}. */
public final class Problems {

    /** The prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:argus:problem:";

    private Problems() {
    }

    /** A problem with the given slug; the title is the slug as words, e.g. {@code file-too-large} -> "File too large". */
    public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title(slug));
        return problem;
    }

    /** The slug used for a status when no more specific one applies, e.g. {@code method-not-allowed}. */
    public static String slugFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is5xxServerError() ? "internal-error" : "bad-request";
        }
        return switch (known) {
            case INTERNAL_SERVER_ERROR -> "internal-error";
            case CONTENT_TOO_LARGE -> "content-too-large";
            default -> known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /**
     * The request path as a problem's {@code instance}; a path {@link URI#create} refuses (e.g. {@code //api})
     * is given with one leading slash and its illegal characters quoted.
     */
    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            try {
                return new URI(null, null, path.replaceFirst("^/+", "/"), null);
            } catch (java.net.URISyntaxException stillInvalid) {
                return URI.create("about:blank");
            }
        }
    }

    /** The title of a problem type: the slug as words. */
    public static String title(String slug) {
        String words = slug.replace('-', ' ').replace("json", "JSON");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
