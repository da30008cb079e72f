/** The Argus frontend: REST API, streaming uploads, scan records, results and live progress. */
package dev.argus.frontend;
