/** AMQP glue shared by the Argus processes: wire converter, confirmed publishing, unroutable-message logging. */
package dev.argus.messaging;
