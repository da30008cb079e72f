/** AMQP plumbing: the JSON message converter, the topology this process declares, publishing with confirms. */
package dev.argus.probe.messaging;
