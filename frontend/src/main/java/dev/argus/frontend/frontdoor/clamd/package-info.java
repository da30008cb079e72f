/**
 * The clamd front door: a TCP listener speaking clamd's protocol ({@code PING}, {@code VERSION}, {@code INSTREAM},
 * {@code IDSESSION}/{@code END}), so that mail and file servers built for clamd scan through Argus. Off unless
 * {@code argus.frontdoor.clamd.port} is set; see docs/operations.md "clamd front door".
 */
package dev.argus.frontend.frontdoor.clamd;
