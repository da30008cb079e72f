/** AMQP infrastructure of the frontend: the topology it declares and its instance id. */
package dev.argus.frontend.messaging;
