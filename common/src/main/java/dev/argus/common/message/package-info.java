/** The messages exchanged over AMQP: commands are imperative, events past tense, all JSON. */
package dev.argus.common.message;
