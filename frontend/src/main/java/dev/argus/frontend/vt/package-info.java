/**
 * The VirusTotal-compatible front door: a subset of VirusTotal's API v3 under {@code /api/v3} (keys in the
 * {@code x-apikey} header) and of its legacy API v2 under {@code /vtapi/v2} (keys in the {@code apikey}
 * parameter), so that VirusTotal's own clients scan files with Argus unchanged. A VirusTotal analysis is an
 * Argus scan (same id); its file is the scan's first uploaded file. Errors leave as VirusTotal's error
 * documents ({@link dev.argus.frontend.vt.VtErrorFilter}). See docs/api.md, "VirusTotal-compatible API".
 */
package dev.argus.frontend.vt;
