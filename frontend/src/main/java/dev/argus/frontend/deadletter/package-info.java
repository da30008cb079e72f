/** Parked messages: kept from the queue {@code argus.dead-letters}, listed to admins, replayed or dropped. */
package dev.argus.frontend.deadletter;
