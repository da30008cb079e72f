package dev.argus.probe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.probe.FakeEngine;
import dev.argus.probe.spi.ScanEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineRegistryTests {

    private final EngineRegistry registry = new EngineRegistry(List.of(new FakeEngine("yara"),
            new FakeEngine("clamav"), new FakeEngine("metadata")));

    @Test
    void selectsEveryEngineWhenNoneIsNamed() {
        assertThat(registry.select(List.of())).extracting(ScanEngine::name)
                .containsExactly("clamav", "metadata", "yara");
    }

    @Test
    void selectsOnlyTheNamedEnginesInTheGivenOrder() {
        assertThat(registry.select(List.of("yara", "clamav", "yara"))).extracting(ScanEngine::name)
                .containsExactly("yara", "clamav");
    }

    @Test
    void rejectsUnknownEngineNameNamingTheKnownOnes() {
        assertThatThrownBy(() -> registry.select(List.of("clamav", "avast")))
                .isInstanceOf(ProbeStartupException.class)
                .hasMessage("argus.probe.engines names unknown engine avast; the engines on the class path are:"
                        + " clamav, metadata, yara.");
    }

    @Test
    void failsFastOnTwoEnginesWithTheSameName() {
        assertThatThrownBy(() -> new EngineRegistry(List.of(new FakeEngine("clamav"), new FakeEngine("clamav"))))
                .isInstanceOf(ProbeStartupException.class)
                .hasMessageContaining("Two engines are named 'clamav'");
    }

    @Test
    void rejectsAnEngineNameThatCannotNameAQueue() {
        assertThatThrownBy(() -> new EngineRegistry(List.of(new FakeEngine("Clam AV"))))
                .isInstanceOf(ProbeStartupException.class)
                .hasMessageContaining("invalid name 'Clam AV'");
    }
}
