package dev.argus.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures requeue a message however often (the service will be back) and which count towards parking it. */
class FailuresTests {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new AmqpConnectException(new ConnectException("refused")), true),
                Arguments.of(new DataAccessResourceFailureException("no connection"), true),
                Arguments.of(new CannotCreateTransactionException("pool exhausted"), true),
                Arguments.of(new QueryTimeoutException("statement timeout"), true),
                Arguments.of(new CannotAcquireLockException("lock timeout"), true),
                Arguments.of(new SQLTransientConnectionException("gone"), true),
                Arguments.of(new RuntimeException("wrapped", new SQLException("connection lost", "08006")), true),
                Arguments.of(new RuntimeException("wrapped", new SQLException("admin shutdown", "57P01")), true),
                Arguments.of(new RuntimeException("wrapped", new SQLException("serialization", "40001")), true),
                Arguments.of(new RuntimeException("wrapped", new SQLException("deadlock", "40P01")), true),
                Arguments.of(new IllegalStateException("outer", new ConnectException("refused")), true),
                Arguments.of(new IllegalStateException("a bug"), false),
                Arguments.of(new NullPointerException(), false),
                Arguments.of(new DataIntegrityViolationException("duplicate key"), false),
                Arguments.of(new RuntimeException("wrapped", new SQLException("duplicate key", "23505")), false),
                Arguments.of(new RuntimeException("wrapped", new SQLException("invalid json", "22P02")), false),
                Arguments.of(new RuntimeException("wrapped", new SQLException("raised", "P0001")), false),
                Arguments.of(new RuntimeException("wrapped", new SQLException("no state")), false));
    }

    @ParameterizedTest(name = "{0} transient: {1}")
    @MethodSource("failures")
    void tellsInfrastructureFailuresFromPoisonMessages(Throwable failure, boolean isTransient) {
        assertThat(Failures.isTransient(failure)).isEqualTo(isTransient);
    }
}
