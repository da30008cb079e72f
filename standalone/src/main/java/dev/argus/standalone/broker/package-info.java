/** The embedded AMQP 0-9-1 broker (Apache Qpid Broker-J) and what it needs to run on current JDKs. */
package dev.argus.standalone.broker;
