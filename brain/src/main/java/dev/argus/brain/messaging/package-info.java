/** AMQP wiring of the brain: the topology it declares and the routes of the messages it publishes. */
package dev.argus.brain.messaging;
