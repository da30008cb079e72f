/** The frontend's copy of the brain's probe directory: probe API, name validation and default probes. */
package dev.argus.frontend.probe;
