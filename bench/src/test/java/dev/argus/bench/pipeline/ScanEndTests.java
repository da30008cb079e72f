package dev.argus.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling clients against a stub frontend whose scan is running for two answers, then finished. */
class ScanEndTests {

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final AtomicInteger answers = new AtomicInteger();
    private HttpServer server;
    private ArgusApi api;

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // a server that does not know ?wait answers at once, whatever the query
        server.createContext("/api/v1/scans/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            String status = answers.incrementAndGet() > 2 ? "finished" : "running";
            byte[] body = ("{\"id\":\"s1\",\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        api = new ArgusApi("http://127.0.0.1:" + server.getAddress().getPort(), "key");
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void pollAsksForTheStatusUntilItIsFinal() throws Exception {
        ScanEnd end = new ScanEnd(api, Client.POLL);

        end.await("s1", () -> { }, 60_000);

        assertThat(asked).containsExactly("/api/v1/scans/s1", "/api/v1/scans/s1", "/api/v1/scans/s1");
        assertThat(end.requests()).isEqualTo(3);
    }

    @Test
    void longPollAsksTheServerToWaitAndStillEndsWhenItAnswersAtOnce() throws Exception {
        ScanEnd end = new ScanEnd(api, Client.LONGPOLL);

        end.await("s1", () -> { }, 60_000);

        assertThat(asked).hasSize(3).allMatch(uri -> uri.equals("/api/v1/scans/s1?wait=30s"));
    }

    @Test
    void theBackOffDoublesFromTwoToFiftyMilliseconds() {
        long gap = ScanEnd.FIRST_POLL_MILLIS;
        StringBuilder gaps = new StringBuilder().append(gap);
        for (int i = 0; i < 6; i++) {
            gap = ScanEnd.nextGap(gap);
            gaps.append(' ').append(gap);
        }

        assertThat(gaps).hasToString("2 4 8 16 32 50 50");
    }

    @Test
    void finalStatusesEndTheWait() {
        assertThat(List.of("finished", "cancelled", "error")).allMatch(ArgusApi::isFinal);
        assertThat(List.of("queued", "running")).noneMatch(ArgusApi::isFinal);
    }
}
