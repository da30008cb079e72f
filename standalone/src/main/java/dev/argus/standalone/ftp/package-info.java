/** The embedded FTP file store (Apache FtpServer). */
package dev.argus.standalone.ftp;
