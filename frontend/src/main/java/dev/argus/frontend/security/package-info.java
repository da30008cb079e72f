/** Who is calling: API keys, roles, sessions for the web UI, CSRF, security headers and rate limits. */
package dev.argus.frontend.security;
