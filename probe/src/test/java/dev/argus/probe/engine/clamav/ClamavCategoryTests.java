package dev.argus.probe.engine.clamav;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClamavCategoryTests {

    @Test
    void signatureHitIsMalicious() {
        assertThat(ClamavEngine.categoryOf(List.of("Eicar-Test-Signature.UNOFFICIAL"))).isEqualTo(Category.MALICIOUS);
        assertThat(ClamavEngine.categoryOf(List.of("PUA.Win.Packer.Upx", "Win.Trojan.Agent-1")))
                .isEqualTo(Category.MALICIOUS);
    }

    @Test
    void onlyHeuristicOrPotentiallyUnwantedHitsAreSuspicious() {
        assertThat(ClamavEngine.categoryOf(List.of("Heuristics.Limits.Exceeded.MaxFileSize")))
                .isEqualTo(Category.SUSPICIOUS);
        assertThat(ClamavEngine.categoryOf(List.of("PUA.Win.Tool.Netcat", "Heuristics.Encrypted.Zip")))
                .isEqualTo(Category.SUSPICIOUS);
    }
}
