/** The probe registry: registrations and heartbeats, probe queues, online status and the directory broadcast. */
package dev.argus.brain.registry;
