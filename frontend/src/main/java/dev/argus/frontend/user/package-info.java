/** Users and their API keys: creating users, creating, listing and revoking keys. */
package dev.argus.frontend.user;
