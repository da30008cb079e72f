/** AMQP infrastructure of the frontend: topology declarations and the listener error recoverer. */
package dev.argus.frontend.messaging;
