/** The ICAP engine: an RFC 3507 RESPMOD client for antivirus gateways such as c-icap, on plain sockets. */
package dev.argus.probe.engine.icap;
