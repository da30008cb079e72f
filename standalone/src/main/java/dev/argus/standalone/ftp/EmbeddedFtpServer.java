package dev.argus.standalone.ftp;

import dev.argus.standalone.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.SocketSessionConfig;

/**
 * The file store: Apache FtpServer on 127.0.0.1 with two users whose home is the files directory: {@link #USERNAME}
 * (the frontend) may write, {@link #READER_USERNAME} (the probes) may only read, so a probe cannot replace or delete
 * a sample. Passive data connections also use 127.0.0.1, on ports the system picks. The users exist only in memory
 * with passwords made at every start; the files themselves stay on disk.
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    /** The user who stores files (the frontend). */
    public static final String USERNAME = "argus";
    /** The user who only reads files (the probes): no write permission. */
    public static final String READER_USERNAME = "argus-probe";
    private static final int MAX_LOGINS = 64;
    private static final String LISTENER = "default";

    private final FtpServer server;
    private final int port;
    private final String password;
    private final String readerPassword;

    private EmbeddedFtpServer(FtpServer server, int port, String password, String readerPassword) {
        this.server = server;
        this.port = port;
        this.password = password;
        this.readerPassword = readerPassword;
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @param root     the files directory (created if missing)
     * @param port     the control port at 127.0.0.1
     * @param password       the password of {@link #USERNAME}
     * @param readerPassword the password of {@link #READER_USERNAME}
     */
    public static EmbeddedFtpServer start(Path root, int port, String password, String readerPassword) {
        try {
            Files.createDirectories(root);
            FtpServerFactory factory = new FtpServerFactory();
            factory.addListener(LISTENER, listener(port));
            factory.setUserManager(userManager(root, password, readerPassword));
            ConnectionConfigFactory connections = new ConnectionConfigFactory();
            connections.setMaxLogins(MAX_LOGINS);
            connections.setMaxThreads(0);
            connections.setAnonymousLoginEnabled(false);
            factory.setConnectionConfig(connections.createConnectionConfig());
            FtpServer server = factory.createServer();
            server.start();
            return new EmbeddedFtpServer(server, port, password, readerPassword);
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
        listener.setSessionFilter(EmbeddedFtpServer::withoutNagle);
        return listener.createListener();
    }

    /**
     * Turns Nagle's algorithm off on every control connection, and accepts it. A transfer's two replies, 150
     * before the data and 226 after, are small writes in a row: with Nagle on, the 226 waited for the client's
     * delayed acknowledgement of the 150, about 40 ms on Linux, on every put and every get (44 ms per 1 KiB put
     * or get measured, against 1-2 ms without; see docs/performance.md).
     */
    private static boolean withoutNagle(IoSession session) {
        if (session.getConfig() instanceof SocketSessionConfig socket) {
            socket.setTcpNoDelay(true);
        }
        return true;
    }

    /** The open control connections, for tests that look at their socket options. */
    Collection<FtpIoSession> sessions() {
        return ((DefaultFtpServer) server).getListener(LISTENER).getActiveSessions();
    }

    private static UserManager userManager(Path root, String password, String readerPassword) throws FtpException {
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager manager = users.createUserManager();
        Authority logins = new ConcurrentLoginPermission(MAX_LOGINS, MAX_LOGINS);
        manager.save(user(USERNAME, password, root, List.of(new WritePermission(), logins)));
        manager.save(user(READER_USERNAME, readerPassword, root, List.of(logins)));
        return manager;
    }

    private static BaseUser user(String name, String password, Path root, List<Authority> authorities) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(password);
        user.setHomeDirectory(root.toAbsolutePath().toString());
        user.setEnabled(true);
        user.setMaxIdleTime(0);
        user.setAuthorities(authorities);
        return user;
    }

    /** The control port at 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The password of {@link #USERNAME}. */
    public String password() {
        return password;
    }

    /** The password of {@link #READER_USERNAME}. */
    public String readerPassword() {
        return readerPassword;
    }

    @Override
    public void close() {
        server.stop();
    }
}
