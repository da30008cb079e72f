/** Directories only this process's account may read and write. */
package dev.argus.common.fs;
