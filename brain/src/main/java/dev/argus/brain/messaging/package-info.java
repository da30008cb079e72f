/** AMQP wiring of the brain: the topology it declares. */
package dev.argus.brain.messaging;
