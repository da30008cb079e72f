/** The file report and file search API ({@code /api/v1/files}), across all scans. */
package dev.argus.frontend.file;
