/** Streaming multipart uploads: spooling to temp files while hashing, size limits, mime detection. */
package dev.argus.frontend.upload;
