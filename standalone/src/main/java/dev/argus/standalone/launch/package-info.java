/** The frontend, brain and probe as three Spring contexts, and the configuration each one gets. */
package dev.argus.standalone.launch;
