package dev.argus.frontend.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.Category;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTests {

    @Test
    void countsEachCategory() {
        Stats stats = Stats.of(List.of(result(Category.MALICIOUS), result(Category.UNDETECTED),
                result(Category.MALICIOUS), result(Category.TYPE_UNSUPPORTED), result(Category.TIMEOUT)));

        assertThat(stats).isEqualTo(new Stats(2, 0, 1, 0, 1, 0, 1));
    }

    @Test
    void serialisesAllSevenCategoriesWithZerosInContractOrder() {
        String json = ArgusJson.mapper().writeValueAsString(Stats.of(List.of(result(Category.FAILURE))));

        assertThat(json).isEqualTo("{\"malicious\":0,\"suspicious\":0,\"undetected\":0,\"harmless\":0,"
                + "\"timeout\":0,\"failure\":1,\"type-unsupported\":0}");
    }

    @Test
    void ordersResultsByTheScansProbeOrder() {
        Map<String, ResultView> ordered = ScanViews.inProbeOrder(List.of("yara", "clamav"),
                Map.of("clamav", result(Category.MALICIOUS), "yara", result(Category.UNDETECTED)));

        assertThat(ordered.keySet()).containsExactly("yara", "clamav");
    }

    private static ResultView result(Category category) {
        return new ResultView(category, null, "1", null, 1, null, false, Map.of());
    }
}
