package dev.argus.brain.dispatch;

import dev.argus.brain.BrainProperties;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ForgetFiles;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.Consumers;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.GuardedConsumer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes {@code argus.brain.scans} ({@code ScanRequested}, {@code CancelScan}, {@code ForgetFiles}), once {@link ScanIntake} has let
 * the registry catch up after start-up, in batches of up to 20 messages handled in one transaction by
 * {@link ScanBatches}. A message is acknowledged after its transaction committed with its outgoing messages
 * confirmed; a malformed one is parked at once, one that keeps failing after {@code max-failures}.
 */
@Configuration(proxyBeanMethods = false)
class ScanConsumer {

    /** The container's bean name; {@link ScanIntake} starts it. */
    static final String CONTAINER = "scanContainer";
    /** Most scan messages handled in one transaction. */
    static final int BATCH = 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Bean(CONTAINER)
    SimpleMessageListenerContainer scanContainer(ConnectionFactory connectionFactory, MessageConverter converter,
                                                DeadLetters deadLetters, ScanBatches batches,
                                                BrainProperties properties) {
        int maxJobs = properties.maxJobsPerScan();
        GuardedConsumer listener = new GuardedConsumer(Topology.SCANS_QUEUE, converter, m -> problemWith(m, maxJobs),
                batches::handleAll, deadLetters, properties.maxFailures(), Duration.ofSeconds(1));
        return Consumers.container(connectionFactory, Topology.SCANS_QUEUE, listener,
                new Consumers.Settings(2, BATCH, BATCH, Duration.ofMillis(2)), false);
    }

    /**
     * Why a message is parked unread, or null.
     *
     * @param maxJobs the bound on files × probes of one scan: a request over it never fans out, whoever sent it
     */
    static String problemWith(Object message, int maxJobs) {
        return switch (message) {
            case ScanRequested request -> problemWith(request, maxJobs);
            case CancelScan cancel -> cancel.scanId() == null ? "a CancelScan without scan id" : null;
            case ForgetFiles forget -> problemWith(forget);
            default -> "a " + message.getClass().getSimpleName() + " does not belong on " + Topology.SCANS_QUEUE;
        };
    }

    private static String problemWith(ForgetFiles forget) {
        if (forget.sha256s() == null || forget.sha256s().isEmpty() || forget.sha256s().size() > ForgetFiles.MAX_FILES) {
            return "a ForgetFiles names 1 to " + ForgetFiles.MAX_FILES + " files";
        }
        for (String sha256 : forget.sha256s()) {
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                return "a file sha256 is not 64 lower-case hex digits: " + sha256;
            }
        }
        return null;
    }

    private static String problemWith(ScanRequested request, int maxJobs) {
        if (request.scanId() == null || request.files() == null || request.probes() == null
                || request.files().isEmpty() || request.probes().isEmpty()) {
            return "scanId, files and probes are required";
        }
        long jobs = (long) request.files().size() * request.probes().size();
        if (jobs > maxJobs) {
            return request.files().size() + " files × " + request.probes().size() + " probes = " + jobs
                    + " jobs, over the bound of " + maxJobs + " per scan (argus.brain.max-jobs-per-scan)";
        }
        for (ScanFile file : request.files()) {
            if (file == null || file.sha256() == null || !SHA256.matcher(file.sha256()).matches()) {
                return "a file sha256 is not 64 lower-case hex digits: " + (file == null ? null : file.sha256());
            }
        }
        for (String probe : request.probes()) {
            if (probe == null || !Topology.PROBE_NAME.matcher(probe).matches()) {
                return "invalid probe name '" + probe + "'";
            }
        }
        return null;
    }
}
