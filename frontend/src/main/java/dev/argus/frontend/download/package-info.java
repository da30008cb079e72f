/** Sample download for admins: a stored file as an AES-encrypted zip with the password "infected". */
package dev.argus.frontend.download;
