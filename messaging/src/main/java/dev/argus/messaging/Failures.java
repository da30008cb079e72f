package dev.argus.messaging;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.amqp.AmqpException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an infrastructure failure (database or broker down, restarting or busy), after which the same message
 * will succeed once the service is back, from a failure that the message itself causes and that a redelivery will
 * repeat (a poison message). Every broker error counts as infrastructure, a broker that refuses a route included
 * (a missing exchange is declared again on the next connection): such a message waits rather than being parked.
 * Pure; thread-safe.
 */
public final class Failures {

    private Failures() {
    }

    /** True when a retry may succeed without anything changing in the message. */
    public static boolean isTransient(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException || t instanceof PessimisticLockingFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof AmqpException || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL states of a connection failure (08), an administrator shutdown or a server starting or stopping (57P),
     * insufficient resources (53), serialization failures and deadlocks (40001, 40P01).
     */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || state.equals("40001") || state.equals("40P01"));
    }
}
