/**
 * Webhooks: a scan's callback URL and users' subscriptions are told, by a signed POST, when a scan finishes. The
 * deliveries are written to an outbox in the transaction that finishes the scan and sent by a dispatcher in every
 * frontend, with retries; every target is checked against the outbound rule (no internal addresses) at submission
 * and before every attempt.
 */
package dev.argus.frontend.webhook;
