package dev.argus.frontend.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * A parked message as admins see it.
 *
 * @param id          its id
 * @param queue       the queue it was consumed from
 * @param exchange    the exchange it had been published to (replay publishes there again)
 * @param routingKey  its routing key
 * @param messageType the contract type id ({@code __TypeId__}), e.g. {@code ResultsReported}
 * @param error       why the process could not handle it
 * @param process     the process that parked it, e.g. {@code argus-brain}
 * @param failures    how many times handling it failed before it was parked (1 for an unreadable message)
 * @param parkedAt    when it was parked
 * @param bodySize    its size in bytes
 * @param body        its body as text (UTF-8, first 4 KiB), for a look at what it holds
 */
public record DeadLetter(UUID id, String queue, String exchange, String routingKey, String messageType, String error,
                         String process, int failures, Instant parkedAt, int bodySize, String body) {
}
