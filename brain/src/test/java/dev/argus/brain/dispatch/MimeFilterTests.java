package dev.argus.brain.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MimeFilterTests {

    private final MimeFilter filter = new MimeFilter();

    @Test
    void nullOrBlankRegexAcceptsEveryType() {
        assertThat(filter.accepts(probe(null), "application/pdf")).isTrue();
        assertThat(filter.accepts(probe("  "), "application/pdf")).isTrue();
    }

    @Test
    void acceptsTypesTheRegexFindsCaseInsensitively() {
        ProbeDescriptor pe = probe("application/x-(dosexec|msdownload)");

        assertThat(filter.accepts(pe, "application/x-dosexec")).isTrue();
        assertThat(filter.accepts(pe, "APPLICATION/X-MSDOWNLOAD")).isTrue();
        assertThat(filter.accepts(pe, "text/plain")).isFalse();
    }

    @Test
    void anchoredRegexRejectsPartialMatches() {
        ProbeDescriptor pdf = probe("^application/pdf$");

        assertThat(filter.accepts(pdf, "application/pdf")).isTrue();
        assertThat(filter.accepts(pdf, "application/pdf-like")).isFalse();
        assertThat(filter.accepts(pdf, "text/plain")).isFalse();
    }

    @Test
    void fileWithoutMimeTypeIsAccepted() {
        assertThat(filter.accepts(probe("^application/pdf$"), null)).isTrue();
    }

    @Test
    void invalidRegexAcceptsEverythingAndWarnsOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(MimeFilter.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            ProbeDescriptor broken = probe("application/(pdf");

            assertThat(filter.accepts(broken, "text/plain")).isTrue();
            assertThat(filter.accepts(broken, "application/pdf")).isTrue();

            assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void aCatastrophicallyBacktrackingRegexIsAbandonedAsNotAccepted() {
        ProbeDescriptor evil = probe("(a+)+$");
        String crafted = "a".repeat(64) + "b";

        // Without the step budget this match takes about 2^64 steps: the test would never finish.
        assertThat(filter.accepts(evil, crafted)).isFalse();
        assertThat(filter.accepts(evil, "aaa")).isTrue();
    }

    @Test
    void aRegexLongerThanTheLimitIsIgnored() {
        ProbeDescriptor tooLong = probe("^nothing/(" + "x|".repeat(MimeFilter.MAX_REGEX_LENGTH / 2) + "y)$");

        assertThat(filter.accepts(tooLong, "text/plain")).isTrue();
        assertThat(filter.accepts(probe("^nothing/(x|y)$"), "text/plain")).isFalse();
    }

    @Test
    void boundedTextReadsLikeItsTextWithinTheBudget() {
        BoundedText text = new BoundedText("application/pdf", 1_000);

        assertThat(text.subSequence(12, 15).toString()).isEqualTo("pdf");
        assertThat(text.subSequence(12, 15).charAt(1)).isEqualTo('d');
        assertThat(text).hasToString("application/pdf");
    }

    private static ProbeDescriptor probe(String mimeTypes) {
        return new ProbeDescriptor("yara", "YARA", ProbeCategory.ANTIVIRUS, "1", "4.5", null, mimeTypes, 1000);
    }
}
