package dev.argus.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store with {@code explicitTls} against an FTPS server (Apache FtpServer, explicit TLS on control and
 * data connections) whose certificate, for 127.0.0.1, is made with keytool: a trusted certificate lets files
 * through; an untrusted one, or one for another host name, is refused before the password is sent.
 */
class FtpsFileStoreIntegrationTests {

    private static final String STORE_PASSWORD = "keystore-" + UUID.randomUUID();
    private static final String FTP_PASSWORD = "ftps-" + UUID.randomUUID();

    @TempDir
    static Path directory;

    private static FtpServer server;
    private static int port;
    private static Path trustStore;

    @BeforeAll
    static void startFtpsServer() throws Exception {
        Path keyStore = directory.resolve("server.p12");
        keytool("-genkeypair", "-alias", "ftp", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        Path certificate = directory.resolve("server.crt");
        keytool("-exportcert", "-alias", "ftp", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        trustStore = directory.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "ftp", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);

        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keyStore.toFile());
        ssl.setKeystoreType("PKCS12");
        ssl.setKeystorePassword(STORE_PASSWORD);
        ssl.setKeyPassword(STORE_PASSWORD);
        SslConfiguration tls = ssl.createSslConfiguration();
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassivePorts("0");
        data.setSslConfiguration(tls);
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        port = freePort();
        listener.setPort(port);
        listener.setSslConfiguration(tls);
        listener.setImplicitSsl(false);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setUserManager(users(directory.resolve("files")));
        server = factory.createServer();
        server.start();
    }

    @AfterAll
    static void stopFtpsServer() {
        if (server != null) {
            server.stop();
        }
        System.clearProperty("javax.net.ssl.trustStore");
        System.clearProperty("javax.net.ssl.trustStorePassword");
        System.clearProperty("javax.net.ssl.trustStoreType");
    }

    @Test
    void storesAndFetchesOverExplicitTlsWhenTheServerCertificateIsTrusted() throws Exception {
        trust(true);
        byte[] content = ("ftps " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        try (FtpFileStore store = store("127.0.0.1")) {
            store.store(sha256, new ByteArrayInputStream(content));
            assertThat(store.exists(sha256)).isTrue();
            assertThat(Files.readAllBytes(store.fetch(sha256, directory))).isEqualTo(content);
        }
        assertThat(directory.resolve("files").resolve(StoreKeys.path(sha256))).hasBinaryContent(content);
    }

    @Test
    void refusesAServerWhoseCertificateIsNotTrusted() {
        trust(false);
        try (FtpFileStore store = store("127.0.0.1")) {
            assertThatThrownBy(() -> store.exists("ab".repeat(32))).isInstanceOf(FileStoreException.class)
                    .hasMessageContaining("cannot reach FTP server").hasMessageContaining("PKIX")
                    .hasMessageNotContaining(FTP_PASSWORD);
        }
    }

    @Test
    void refusesACertificateForAnotherHostName() {
        trust(true);
        try (FtpFileStore store = store("localhost")) {
            assertThatThrownBy(() -> store.exists("ab".repeat(32))).isInstanceOf(FileStoreException.class)
                    .hasMessageContaining("cannot reach FTP server").hasMessageContaining("localhost");
        }
    }

    private static FtpFileStore store(String host) {
        return new FtpFileStore(new FtpSettings(host, port, "argus", FTP_PASSWORD, 1, Duration.ofSeconds(10), true));
    }

    private static void trust(boolean ours) {
        if (ours) {
            System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", STORE_PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        } else {
            System.clearProperty("javax.net.ssl.trustStore");
            System.clearProperty("javax.net.ssl.trustStorePassword");
            System.clearProperty("javax.net.ssl.trustStoreType");
        }
    }

    private static UserManager users(Path home) throws Exception {
        Files.createDirectories(home);
        PropertiesUserManagerFactory factory = new PropertiesUserManagerFactory();
        factory.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager users = factory.createUserManager();
        BaseUser user = new BaseUser();
        user.setName("argus");
        user.setPassword(FTP_PASSWORD);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new WritePermission()));
        users.save(user);
        return users;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
