package dev.argus.probe.engine.extract;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The FTP account the extraction engine stores members with ({@code argus.probe.extract.ftp-username},
 * {@code -password}; env {@code ARGUS_PROBE_EXTRACT_FTP_USERNAME}, {@code _PASSWORD}): an account that may write,
 * kept apart from the probe's read-only one ({@code argus.ftp.*}). Unset: the engine uses the probe's account,
 * which must then write. The password is never logged.
 *
 * @param ftpUsername the writing account, or null
 * @param ftpPassword its password
 */
@ConfigurationProperties("argus.probe.extract")
public record ExtractStoreProperties(String ftpUsername, String ftpPassword) {

    /** True when the engine has an account of its own. */
    boolean ownAccount() {
        return ftpUsername != null && !ftpUsername.isBlank();
    }

    @Override
    public String toString() {
        return "ExtractStoreProperties[ftpUsername=" + ftpUsername + "]";
    }
}
