/** The YARA engine: rules compiled with Debian's {@code yarac}, files matched by the {@code yara} program. */
package dev.argus.probe.engine.yara;
