/** The JSON mapping used on the wire. */
package dev.argus.common.json;
