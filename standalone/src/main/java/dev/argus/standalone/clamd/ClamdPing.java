package dev.argus.standalone.clamd;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks a clamd at a TCP or Unix socket address whether it answers {@code PING} with {@code PONG}. */
final class ClamdPing {

    private ClamdPing() {
    }

    /** True when clamd answered PONG within the timeout; false for no answer, a refusal or anything else. */
    static boolean answers(SocketAddress address, Duration timeout) {
        FutureTask<Boolean> ping = new FutureTask<>(() -> ping(address));
        Thread thread = Thread.ofVirtual().name("clamd-ping").start(ping);
        try {
            return ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            cancel(ping, thread);
        }
    }

    private static boolean ping(SocketAddress address) throws IOException {
        try (SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(java.net.StandardProtocolFamily.UNIX) : SocketChannel.open()) {
            channel.connect(address);
            channel.write(ByteBuffer.wrap("zPING\0".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(16);
            while (channel.read(answer) > 0 && answer.hasRemaining()) {
                if (answer.get(answer.position() - 1) == 0) {
                    break;
                }
            }
            answer.flip();
            return StandardCharsets.US_ASCII.decode(answer).toString().startsWith("PONG");
        }
    }

    private static void cancel(Future<?> task, Thread thread) {
        if (!task.isDone()) {
            task.cancel(true);
            thread.interrupt();
        }
    }
}
