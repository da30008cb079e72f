package dev.argus.probe.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link ProbeStartupException} into Spring Boot's "APPLICATION FAILED TO START" report. */
public class ProbeStartupFailureAnalyzer extends AbstractFailureAnalyzer<ProbeStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProbeStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
