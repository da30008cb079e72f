/** Exchange, queue and routing-key names and the message type ids of the AMQP topology. */
package dev.argus.common.amqp;
