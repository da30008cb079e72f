package dev.argus.probe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.probe.FakeEngine;
import dev.argus.probe.engine.cli.CliEngineSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engines contributed by an {@link dev.argus.probe.spi.EngineSource} (here the command-line source reading a
 * directory of files) go through the same registry, selection and start-up checks as engine beans.
 */
class EngineSourceWiringTests {

    @TempDir
    Path dir;

    private Path configDir;
    private ApplicationContextRunner probe;

    @BeforeEach
    void writeTwoCommandLineEngines() throws IOException {
        Path scanner = Files.writeString(dir.resolve("scanner"), "#!/bin/sh\necho \"$1: OK\"\n");
        Files.setPosixFilePermissions(scanner, PosixFilePermissions.fromString("rwx------"));
        configDir = Files.createDirectories(dir.resolve("cli.d"));
        engineFile("fakescan", scanner);
        engineFile("otherscan", scanner);
        probe = new ApplicationContextRunner()
                .withUserConfiguration(EngineConfiguration.class, Engines.class)
                .withPropertyValues("test.cli-dir=" + configDir);
    }

    @Test
    void contributedEnginesJoinTheRegistryBesideBeanEnginesAndAllRunByDefault() {
        probe.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(EngineRegistry.class).names())
                    .containsExactly("clamav", "fakescan", "otherscan");
            assertThat(context.getBean(ActiveEngines.class).names())
                    .containsExactlyInAnyOrder("clamav", "fakescan", "otherscan");
        });
    }

    @Test
    void argusProbeEnginesSelectsContributedEnginesByName() {
        probe.withPropertyValues("argus.probe.engines=otherscan").run(context ->
                assertThat(context.getBean(ActiveEngines.class).names()).containsExactly("otherscan"));
    }

    @Test
    void aContributedEngineNamedLikeABeanEngineFailsStartUpNamingBoth() throws IOException {
        engineFile("clamav", dir.resolve("scanner"));

        probe.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().isInstanceOf(ProbeStartupException.class)
                .hasMessage("Two engines are named 'clamav': " + FakeEngine.class.getName()
                        + " and command-line engine file " + configDir.resolve("clamav.yaml") + "."));
    }

    @Test
    void anInvalidEngineFileFailsStartUpNamingTheFileAndField() throws IOException {
        Files.writeString(configDir.resolve("broken.yaml"), "name: broken\ncommand: [x, \"{fiel}\"]\n"
                + "exitCodes: {0: undetected}\n");

        probe.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().isInstanceOf(ProbeStartupException.class)
                .hasMessageContaining(configDir.resolve("broken.yaml") + ": field 'command[1]' uses the unknown"
                        + " placeholder {fiel}"));
    }

    private void engineFile(String name, Path scanner) throws IOException {
        Files.writeString(configDir.resolve(name + ".yaml"), """
                name: %s
                command: ["%s", "{file}"]
                exitCodes: {0: undetected, 1: malicious}
                """.formatted(name, scanner));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EngineProperties.class)
    static class Engines {

        @Bean
        FakeEngine clamav() {
            return new FakeEngine("clamav");
        }

        @Bean
        CliEngineSource cliEngineSource(@Value("${test.cli-dir}") Path configDir) {
            return new CliEngineSource(configDir, Map.of(), System::getenv);
        }
    }
}
