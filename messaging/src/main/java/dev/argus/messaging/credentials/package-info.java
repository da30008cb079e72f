/** The start-up refusal of well-known passwords for servers that are not on a loopback address. */
package dev.argus.messaging.credentials;
