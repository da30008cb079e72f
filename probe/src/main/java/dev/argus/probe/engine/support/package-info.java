/** Helpers shared by engines that load their signatures from a directory: change detection and reloading. */
package dev.argus.probe.engine.support;
