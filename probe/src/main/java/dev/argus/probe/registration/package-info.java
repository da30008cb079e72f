/** Who this probe process is, and telling the brain: registration with backoff, then periodic heartbeats. */
package dev.argus.probe.registration;
