package dev.argus.standalone.ftp;

import dev.argus.standalone.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * The file store: Apache FtpServer on 127.0.0.1 with one user who may write, whose home is the files directory.
 * Passive data connections also use 127.0.0.1, on ports the system picks. The user exists only in memory with a
 * password made at every start; the files themselves stay on disk.
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    /** The one user. */
    public static final String USERNAME = "argus";
    private static final int MAX_LOGINS = 64;

    private final FtpServer server;
    private final int port;
    private final String password;

    private EmbeddedFtpServer(FtpServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @param root     the files directory (created if missing)
     * @param port     the control port at 127.0.0.1
     * @param password the password of {@link #USERNAME}
     */
    public static EmbeddedFtpServer start(Path root, int port, String password) {
        try {
            Files.createDirectories(root);
            FtpServerFactory factory = new FtpServerFactory();
            factory.addListener("default", listener(port));
            factory.setUserManager(userManager(root, password));
            ConnectionConfigFactory connections = new ConnectionConfigFactory();
            connections.setMaxLogins(MAX_LOGINS);
            connections.setMaxThreads(0);
            connections.setAnonymousLoginEnabled(false);
            factory.setConnectionConfig(connections.createConnectionConfig());
            FtpServer server = factory.createServer();
            server.start();
            return new EmbeddedFtpServer(server, port, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the files directory " + root, e);
        } catch (FtpException e) {
            throw new IllegalStateException("the embedded FTP server did not start: " + e.getMessage(), e);
        }
    }

    private static org.apache.ftpserver.listener.Listener listener(int port) {
        String address = FreePorts.LOOPBACK.getHostAddress();
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress(address);
        data.setPassiveExternalAddress(address);
        data.setPassivePorts("0");
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(address);
        listener.setPort(port);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        listener.setIdleTimeout(300);
        return listener.createListener();
    }

    private static UserManager userManager(Path root, String password) throws FtpException {
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager manager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USERNAME);
        user.setPassword(password);
        user.setHomeDirectory(root.toAbsolutePath().toString());
        user.setEnabled(true);
        user.setMaxIdleTime(0);
        List<Authority> authorities = List.of(new WritePermission(), new ConcurrentLoginPermission(MAX_LOGINS,
                MAX_LOGINS));
        user.setAuthorities(authorities);
        manager.save(user);
        return manager;
    }

    /** The control port at 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The password of {@link #USERNAME}. */
    public String password() {
        return password;
    }

    @Override
    public void close() {
        server.stop();
    }
}
