package dev.argus.common.store;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * FTPS clients with explicit TLS that check the server the way HTTPS does: the certificate chain against the JVM's
 * trust store (Commons Net's default only checks validity dates) and the host name against the certificate.
 */
final class FtpsClients {

    private FtpsClients() {
    }

    /** A client that sends AUTH TLS right after connecting. */
    static FTPSClient explicit() {
        FTPSClient client = new FTPSClient("TLS", false);
        client.setTrustManager(jvmTrustManager());
        client.setEndpointCheckingEnabled(true);
        return client;
    }

    /** After login: the data connections are encrypted too (PBSZ 0, PROT P). */
    static void protectData(FTPSClient client) throws IOException {
        client.execPBSZ(0);
        client.execPROT("P");
        if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
            throw new FileStoreException("the FTP server refused encrypted data connections (PROT P): "
                    + client.getReplyString().trim());
        }
    }

    private static TrustManager jvmTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return factory.getTrustManagers()[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no default trust manager", e);
        }
    }
}
