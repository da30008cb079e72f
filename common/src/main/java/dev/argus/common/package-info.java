/** Wire contracts shared by the frontend, the brain and the probes; no Spring and no business logic. */
package dev.argus.common;
