package dev.argus.common.store;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logged-in FTP connections, reused across operations so a file costs no login. A connection idle for a
 * while is checked with NOOP before reuse; a broken one is dropped and replaced.
 */
final class FtpConnectionPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FtpConnectionPool.class);
    private static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(10);

    private final FtpSettings settings;
    private final Semaphore permits;
    private final BlockingDeque<PooledClient> idle = new LinkedBlockingDeque<>();
    private final AtomicLong logins = new AtomicLong();
    private volatile boolean closed;

    record PooledClient(FTPClient client, long idleSinceNanos) {
    }

    FtpConnectionPool(FtpSettings settings) {
        this.settings = settings;
        this.permits = new Semaphore(settings.maxConnections(), true);
    }

    /** Borrows a connection, logging in a new one when none is idle. */
    FTPClient borrow() {
        if (closed) {
            throw new FileStoreException("file store is closed");
        }
        try {
            if (!permits.tryAcquire(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FileStoreException("no FTP connection free within " + settings.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileStoreException("interrupted waiting for an FTP connection", e);
        }
        try {
            PooledClient pooled;
            while ((pooled = idle.pollFirst()) != null) {
                if (isUsable(pooled)) {
                    return pooled.client();
                }
                disconnectQuietly(pooled.client());
            }
            return connect();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a healthy connection for reuse. */
    void giveBack(FTPClient client) {
        if (closed) {
            disconnectQuietly(client);
        } else {
            idle.offerFirst(new PooledClient(client, System.nanoTime()));
        }
        permits.release();
    }

    /** Drops a connection that failed mid-operation. */
    void discard(FTPClient client) {
        disconnectQuietly(client);
        permits.release();
    }

    private boolean isUsable(PooledClient pooled) {
        if (!pooled.client().isConnected()) {
            return false;
        }
        if (System.nanoTime() - pooled.idleSinceNanos() < CHECK_AFTER_IDLE.toNanos()) {
            return true;
        }
        try {
            return pooled.client().sendNoOp();
        } catch (IOException e) {
            return false;
        }
    }

    private FTPClient connect() {
        FTPClient client = settings.explicitTls() ? FtpsClients.explicit() : new FTPClient();
        int timeoutMs = (int) settings.timeout().toMillis();
        client.setConnectTimeout(timeoutMs);
        client.setDefaultTimeout(timeoutMs);
        client.setDataTimeout(settings.timeout());
        try {
            client.connect(settings.host(), settings.port());
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new FileStoreException("FTP server " + settings.host() + ":" + settings.port()
                        + " refused the connection: " + client.getReplyString().trim());
            }
            client.setSoTimeout(timeoutMs);
            if (!client.login(settings.username(), settings.password())) {
                throw new FileStoreException("FTP login as '" + settings.username() + "' at " + settings.host()
                        + ":" + settings.port() + " failed: check argus.ftp.username and argus.ftp.password");
            }
            if (client instanceof FTPSClient secure) {
                FtpsClients.protectData(secure);
            }
            client.setFileType(FTP.BINARY_FILE_TYPE);
            client.enterLocalPassiveMode();
            client.setBufferSize(256 * 1024);
            logins.incrementAndGet();
            log.debug("opened FTP connection to {}:{}", settings.host(), settings.port());
            return client;
        } catch (IOException e) {
            disconnectQuietly(client);
            throw new FileStoreException("cannot reach FTP server " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            disconnectQuietly(client);
            throw e;
        }
    }

    private static void disconnectQuietly(FTPClient client) {
        try {
            if (client.isConnected()) {
                client.logout();
            }
        } catch (IOException ignored) {
            // the connection is being dropped anyway
        }
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // as above
        }
    }

    /** Makes the server close every idle connection while the pool still holds them (used by tests). */
    void quitIdleConnections() throws IOException {
        for (PooledClient pooled : idle) {
            pooled.client().sendCommand("QUIT");
        }
    }

    /** How many logins this pool has made: a measure of connection reuse. */
    long logins() {
        return logins.get();
    }

    @Override
    public void close() {
        closed = true;
        PooledClient pooled;
        while ((pooled = idle.pollFirst()) != null) {
            disconnectQuietly(pooled.client());
        }
    }
}
