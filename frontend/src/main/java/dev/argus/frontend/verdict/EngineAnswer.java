package dev.argus.frontend.verdict;

import dev.argus.common.message.Category;

/** What one engine said about a file, as a verdict needs it: its category and the threat it named. */
public interface EngineAnswer {

    /** The result's category. */
    Category category();

    /** The threat name for a detection, else whatever the engine reported, or null. */
    String result();
}
