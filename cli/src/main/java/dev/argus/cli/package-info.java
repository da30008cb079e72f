/**
 * The {@code argus} command-line client: scans files and directories, reads file reports and the probe list,
 * and watches a directory, all through Argus's public REST API v1 (docs/cli.md).
 */
package dev.argus.cli;
