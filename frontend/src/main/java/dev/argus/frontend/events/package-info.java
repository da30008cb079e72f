/** Live scan progress over Server-Sent Events, fed by committed result and status changes. */
package dev.argus.frontend.events;
