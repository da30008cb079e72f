/** AMQP wiring of the brain: message converter, declared topology and publishing with broker confirms. */
package dev.argus.brain.messaging;
