/** AMQP plumbing of the probe: the exchanges and queues this process declares. */
package dev.argus.probe.messaging;
