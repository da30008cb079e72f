package dev.argus.frontend.scan;

import java.util.UUID;

/**
 * A result arrived for a scan this frontend cannot see (yet): its creating transaction may still be committing.
 * Not fatal, so the listener retries the message and then requeues it.
 */
class ScanNotVisibleException extends RuntimeException {

    ScanNotVisibleException(UUID scanId) {
        super("scan " + scanId + " is not visible yet; the result will be tried again");
    }
}
