package dev.argus.standalone.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.standalone.FreePorts;
import dev.argus.standalone.Secrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded FTP server's two accounts: the frontend's writes, the probes' only reads. */
class EmbeddedFtpServerIntegrationTests {

    @TempDir
    Path root;

    @Test
    void theReaderAccountRetrievesButCannotStoreDeleteRenameOrMakeDirectories() throws Exception {
        byte[] content = "sample".getBytes(StandardCharsets.UTF_8);
        try (EmbeddedFtpServer server = EmbeddedFtpServer.start(root, new FreePorts().next(), Secrets.password(),
                Secrets.password())) {
            FTPClient writer = login(server, EmbeddedFtpServer.USERNAME, server.password());
            assertThat(writer.makeDirectory("ab")).isTrue();
            assertThat(writer.storeFile("ab/sample", new ByteArrayInputStream(content))).isTrue();
            writer.disconnect();

            FTPClient reader = login(server, EmbeddedFtpServer.READER_USERNAME, server.readerPassword());
            ByteArrayOutputStream fetched = new ByteArrayOutputStream();
            assertThat(reader.retrieveFile("ab/sample", fetched)).isTrue();
            assertThat(fetched.toByteArray()).isEqualTo(content);
            assertThat(reader.storeFile("ab/forged", new ByteArrayInputStream(content))).isFalse();
            assertThat(reader.storeFile("ab/sample", new ByteArrayInputStream(new byte[] {1}))).isFalse();
            assertThat(reader.deleteFile("ab/sample")).isFalse();
            assertThat(reader.rename("ab/sample", "ab/moved")).isFalse();
            assertThat(reader.makeDirectory("cd")).isFalse();
            assertThat(reader.getReplyCode()).isEqualTo(550);
            reader.disconnect();

            assertThat(root.resolve("ab/sample")).hasBinaryContent(content);
            assertThat(root.resolve("ab/forged")).doesNotExist();
        }
    }

    @Test
    void repliesOnControlConnectionsAreSentAtOnceNotHeldForAnAcknowledgement() throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.start(root, new FreePorts().next(), Secrets.password(),
                Secrets.password())) {
            FTPClient writer = login(server, EmbeddedFtpServer.USERNAME, server.password());
            FTPClient reader = login(server, EmbeddedFtpServer.READER_USERNAME, server.readerPassword());

            assertThat(server.sessions()).hasSize(2).allSatisfy(session -> assertThat(
                    ((SocketSessionConfig) session.getConfig()).isTcpNoDelay()).isTrue());
            assertThat(writer.storeFile("sample", new ByteArrayInputStream(new byte[1024]))).isTrue();
            assertThat(reader.retrieveFile("sample", OutputStream.nullOutputStream())).isTrue();
            writer.disconnect();
            reader.disconnect();
        }
    }

    @Test
    void theReaderCannotLogInWithTheWritersPassword() throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.start(root, new FreePorts().next(), Secrets.password(),
                Secrets.password())) {
            FTPClient client = new FTPClient();
            client.connect("127.0.0.1", server.port());
            assertThat(client.login(EmbeddedFtpServer.READER_USERNAME, server.password())).isFalse();
            client.disconnect();
        }
    }

    private static FTPClient login(EmbeddedFtpServer server, String user, String password) throws Exception {
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", server.port());
        assertThat(client.login(user, password)).isTrue();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        return client;
    }
}
