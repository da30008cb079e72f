package dev.argus.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArgusJsonTests {

    @Test
    void writesCategoriesAndInstantsInTheirWireForm() {
        var result = new ResultsReported("host-1", List.of(new JobResult(UUID.randomUUID(), UUID.randomUUID(), "ab",
                "clamav", 1, false, false, false,
                new EngineResult(Category.TYPE_UNSUPPORTED, null, "1.4.6", null, 0, null, Map.of()))),
                Instant.parse("2026-11-21T10:15:30Z"));

        JsonNode json = ArgusJson.mapper().readTree(ArgusJson.mapper().writeValueAsString(result));

        assertThat(json.get("results").get(0).get("result").get("category").asString()).isEqualTo("type-unsupported");
        assertThat(json.get("at").asString()).isEqualTo("2026-11-21T10:15:30Z");
    }

    @Test
    void roundTripsEveryMessageShape() {
        var descriptor = new ProbeDescriptor("clamav", "ClamAV", ProbeCategory.ANTIVIRUS, "0.1.0", "1.4.6",
                "27800", null, 60_000);
        var registered = new ProbeRegistered("host-1", List.of(descriptor), true, Instant.now());

        String text = ArgusJson.mapper().writeValueAsString(registered);

        assertThat(ArgusJson.mapper().readValue(text, ProbeRegistered.class)).isEqualTo(registered);
        assertThat(text).contains("\"category\":\"antivirus\"");
    }

    @Test
    void ignoresFieldsANewerSenderAdds() {
        String text = """
                {"category":"malicious","result":"Eicar","engineVersion":"1","signatureVersion":"2",
                 "durationMs":3,"error":null,"details":{},"addedLater":true}""";

        EngineResult result = ArgusJson.mapper().readValue(text, EngineResult.class);

        assertThat(result.category()).isEqualTo(Category.MALICIOUS);
        assertThat(result.details()).isEmpty();
    }

    @Test
    void refusesAnUnknownCategoryNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> Category.fromWireName("evil"))
                .hasMessageContaining("type-unsupported");
    }

    @Test
    void namesEveryMessageTypeByItsContractName() {
        MessageTypes.byId().forEach((id, type) -> assertThat(type.getSimpleName()).isEqualTo(id));
    }
}
