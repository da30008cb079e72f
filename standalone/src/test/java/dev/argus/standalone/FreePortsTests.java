package dev.argus.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTests {

    @Test
    void handsOutDistinctPortsThatCanBeBoundOnLoopback() throws Exception {
        FreePorts ports = new FreePorts();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            int port = ports.next();
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket socket = new ServerSocket(port, 1, FreePorts.LOOPBACK)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortInUseIsNotFree() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, FreePorts.LOOPBACK)) {
            assertThat(FreePorts.isFree(socket.getLocalPort())).isFalse();
        }
    }

    @Test
    void loopbackIsIpv4() {
        assertThat(FreePorts.LOOPBACK.getHostAddress()).isEqualTo("127.0.0.1");
    }
}
