package dev.argus.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuLedgerTests {

    @Test
    void chargesThisProcessItsOwnWorkAndTheMachineAtLeastAsMuch() throws Exception {
        long self = ProcessHandle.current().pid();
        CpuLedger ledger = new CpuLedger().group("self", () -> List.of(self)).group("nobody", List::of).start();

        burnCpu(300_000_000L);
        Map<String, Double> spent = ledger.since();

        assertThat(spent.keySet()).containsExactly("self", "nobody", "other", "machine");
        assertThat(spent.get("self")).isGreaterThanOrEqualTo(100.0);
        assertThat(spent.get("nobody")).isZero();
        assertThat(spent.get("machine")).isGreaterThanOrEqualTo(spent.get("self") - 20.0);
        assertThat(spent.get("other")).isGreaterThanOrEqualTo(0.0);
    }

    /** Hashes until the thread has used {@code nanos} of CPU time. */
    private static void burnCpu(long nanos) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + nanos;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[64 * 1024];
        while (threads.getCurrentThreadCpuTime() < until) {
            digest.update(block);
        }
    }
}
