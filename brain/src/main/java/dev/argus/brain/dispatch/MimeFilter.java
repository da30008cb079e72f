package dev.argus.brain.dispatch;

import dev.argus.common.message.ProbeDescriptor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a probe takes a file, by the probe's {@code mimeTypes} regex. The regex is searched for in the
 * detected mime type, case-insensitively (like IRMA's {@code re.search}); anchor it ({@code ^...$}) for an
 * exact match. A null or blank regex, a file without a mime type and an invalid regex (logged once at WARN)
 * all accept. Compiled patterns are cached; thread-safe.
 */
@Component
class MimeFilter {

    private static final Logger log = LoggerFactory.getLogger(MimeFilter.class);

    private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();

    /** True when the probe should receive a file of this mime type. */
    boolean accepts(ProbeDescriptor probe, String mimeType) {
        String regex = probe.mimeTypes();
        if (regex == null || regex.isBlank() || mimeType == null || mimeType.isBlank()) {
            return true;
        }
        return patterns.computeIfAbsent(regex, r -> compile(probe.name(), r))
                .map(pattern -> pattern.matcher(mimeType).find())
                .orElse(true);
    }

    private static Optional<Pattern> compile(String probe, String regex) {
        try {
            return Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            log.warn("Probe {} sent an invalid mimeTypes regex '{}', so it gets every file: {}", probe, regex,
                    e.getDescription());
            return Optional.empty();
        }
    }
}
