/** The brain: probe registry, scan fan-out into jobs, deadlines, retries and the result cache. */
package dev.argus.brain;
