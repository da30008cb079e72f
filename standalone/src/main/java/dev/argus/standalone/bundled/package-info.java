/** Files shipped inside the standalone jar (test signatures, YARA rules, hash lists, engine configurations) and copying them out. */
package dev.argus.standalone.bundled;
