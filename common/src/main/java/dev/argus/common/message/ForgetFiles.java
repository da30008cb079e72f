package dev.argus.common.message;

import java.time.Instant;
import java.util.List;

/**
 * Command, frontend to brain: these files were deleted (an admin's {@code DELETE /api/v1/files/{hash}} or
 * retention); forget the finished jobs about them, so no later scan is answered from their cached results.
 *
 * @param sha256s the files, at most {@link #MAX_FILES}
 * @param at      when they were deleted
 */
public record ForgetFiles(List<String> sha256s, Instant at) {

    /** The most files one command names; a larger deletion sends several. */
    public static final int MAX_FILES = 1000;
}
