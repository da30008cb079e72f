package dev.argus.frontend.scan;

import dev.argus.frontend.UploadProperties;
import dev.argus.frontend.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The bound on the work one scan may ask for: files × probes at most {@code argus.upload.max-jobs-per-scan}. Every
 * pair is one job message, one result row and one engine run, so the bound caps what a single request can make the
 * brain and the probes do. The brain holds the same bound ({@code argus.brain.max-jobs-per-scan}) for a request
 * that reaches it by another way.
 */
@Component
public class JobLimit {

    private final int maxJobs;

    JobLimit(UploadProperties properties) {
        this.maxJobs = properties.maxJobsPerScan();
    }

    /**
     * @throws ApiException 413 {@code too-many-jobs} (with {@code maxJobs}) when {@code files × probes} is over the bound
     */
    public void check(int files, int probes) {
        long jobs = (long) files * probes;
        if (jobs > maxJobs) {
            throw ApiException.contentTooLarge("too-many-jobs", "the scan asks for " + files + " files × " + probes
                    + " probes = " + jobs + " jobs; at most " + maxJobs + " are allowed per scan")
                    .with("maxJobs", maxJobs);
        }
    }
}
