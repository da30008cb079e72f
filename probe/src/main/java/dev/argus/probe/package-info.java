/** The probe worker: hosts engine plugins, registers them with the brain, scans the jobs it is sent. */
package dev.argus.probe;
