/** Engine discovery: the registry of engine beans, selection by configuration, dependency checks at start-up. */
package dev.argus.probe.engine;
