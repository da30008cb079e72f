/** End-to-end tests: the three packaged jars as separate processes, driven through the public REST API. */
package dev.argus.e2e;
