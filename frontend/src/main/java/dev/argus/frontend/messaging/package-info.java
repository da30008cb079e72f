/** AMQP infrastructure: topology declarations, the JSON converter and publishing with broker confirms. */
package dev.argus.frontend.messaging;
