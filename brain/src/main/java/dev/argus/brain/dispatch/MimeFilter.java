package dev.argus.brain.dispatch;

import dev.argus.common.message.ProbeDescriptor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a probe takes a file, by the probe's {@code mimeTypes} regex. The regex is searched for in the
 * detected mime type, case-insensitively (like IRMA's {@code re.search}); anchor it ({@code ^...$}) for an
 * exact match. A null or blank regex and a file without a mime type accept. The regex comes from a probe, so the
 * brain bounds what it costs: a regex longer than {@link #MAX_REGEX_LENGTH} characters or one that does not compile
 * is ignored (the probe gets every file; logged once at WARN), and a match that reads more than
 * {@link #MATCH_BUDGET} characters (catastrophic backtracking) is abandoned as "not accepted" (logged once per regex
 * at WARN). Compiled patterns are cached; thread-safe.
 */
@Component
class MimeFilter {

    /** The longest {@code mimeTypes} regex the brain compiles. */
    static final int MAX_REGEX_LENGTH = 512;
    /** How many character reads one match may make; a sane mime regex needs a few hundred. */
    static final long MATCH_BUDGET = 100_000;

    private static final Logger log = LoggerFactory.getLogger(MimeFilter.class);

    private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();
    private final Set<String> tooCostly = ConcurrentHashMap.newKeySet();

    /** True when the probe should receive a file of this mime type. */
    boolean accepts(ProbeDescriptor probe, String mimeType) {
        String regex = probe.mimeTypes();
        if (regex == null || regex.isBlank() || mimeType == null || mimeType.isBlank()) {
            return true;
        }
        return patterns.computeIfAbsent(regex, r -> compile(probe.name(), r))
                .map(pattern -> find(probe.name(), pattern, mimeType))
                .orElse(true);
    }

    private boolean find(String probe, Pattern pattern, String mimeType) {
        try {
            return pattern.matcher(new BoundedText(mimeType, MATCH_BUDGET)).find();
        } catch (BoundedText.BudgetExceeded e) {
            if (tooCostly.add(pattern.pattern())) {
                log.warn("Probe {}'s mimeTypes regex '{}' backtracks too much on '{}' (over {} steps), so it is not"
                        + " given such files", probe, pattern.pattern(), mimeType, MATCH_BUDGET);
            }
            return false;
        }
    }

    private static Optional<Pattern> compile(String probe, String regex) {
        if (regex.length() > MAX_REGEX_LENGTH) {
            log.warn("Probe {} sent a mimeTypes regex of {} characters (at most {} are accepted), so it gets every"
                    + " file", probe, regex.length(), MAX_REGEX_LENGTH);
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            log.warn("Probe {} sent an invalid mimeTypes regex '{}', so it gets every file: {}", probe, regex,
                    e.getDescription());
            return Optional.empty();
        }
    }
}
