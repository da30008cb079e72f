/** Finding a clamd for the ClamAV engine, or starting one as a child process. */
package dev.argus.standalone.clamd;
