package dev.argus.probe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.configfile.ConfigCheck;
import dev.argus.probe.engine.configfile.ConfigFiles;
import dev.argus.probe.spi.EngineVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configurations shipped in engines/cli/ load without a problem, and their patterns read the output lines the
 * vendors document. The vendor products are not installed here; this checks the files, not the products.
 */
class ShippedCliConfigurationsTests {

    static final Path ENGINES = Path.of(System.getProperty("user.dir")).getParent().resolve("engines");
    static final Path CLI = ENGINES.resolve("cli");
    static final Path UNTESTED = CLI.resolve("untested");

    static Stream<Path> shippedFiles() {
        return Stream.concat(ConfigFiles.list(CLI, "cli").stream(), ConfigFiles.list(UNTESTED, "untested").stream());
    }

    @Test
    void shipsClamscanToRunByDefaultAndTheNineVendorScannersAsUntested() {
        assertThat(ConfigFiles.list(CLI, "cli")).extracting(path -> path.getFileName().toString())
                .containsExactly("clamscan.yaml");
        assertThat(ConfigFiles.list(UNTESTED, "untested")).extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder("sophos.yaml", "eset.yaml", "comodo.yaml", "fsecure.yaml", "mcafee.yaml",
                        "bitdefender.yaml", "drweb.yaml", "avast.yaml", "kaspersky.yaml");
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void loadsWithoutProblemAndSaysWhetherItWasTested(Path file) throws IOException {
        load(file);

        String text = Files.readString(file);
        assertThat(text).contains(file.startsWith(UNTESTED) ? "UNTESTED HERE" : "TESTED")
                .contains("Facts it relies on");
    }

    @Test
    void patternsReadTheDocumentedOutputLines() throws Exception {
        Map<String, Map<String, String>> detections = Map.of(
                "clamscan", Map.of("/w/argus-1.bin: Eicar-Test-Signature FOUND", "Eicar-Test-Signature"),
                "sophos", Map.of(">>> Virus 'EICAR-AV-Test' found in file /w/argus-1.bin", "EICAR-AV-Test",
                        ">>> Virus fragment 'Troj/Agent-X' found in file /w/a.bin", "Troj/Agent-X"),
                "eset", Map.of("name=\"/w/argus-1.bin\", threat=\"Eicar test file\", action=\"\", info=\"\"",
                        "Eicar test file"),
                "comodo", Map.of("/w/argus-1.bin ---> Found Virus, Malware Name is Malware", "Malware"),
                "fsecure", Map.of("/w/argus-1.bin: Infected: EICAR_Test_File [FSE]", "EICAR_Test_File",
                        "/w/argus-1.bin: Riskware: Adware.Agent [Aquarius]", "Adware.Agent"),
                "mcafee", Map.of("/w/argus-1.bin ... Found: EICAR test file NOT a virus.", "EICAR test file",
                        "/w/argus-1.bin ... Found the W32/Virut.n.gen virus !!!", "W32/Virut.n.gen",
                        "/w/argus-1.bin ... Found trojan or variant Generic.dx!abc !!!", "Generic.dx!abc"),
                "bitdefender", Map.of("/w/argus-1.bin  infected: EICAR-Test-File (not a virus)",
                        "EICAR-Test-File (not a virus)"),
                "drweb", Map.of("/w/argus-1.bin - infected with EICAR Test File (NOT a Virus!)",
                        "EICAR Test File (NOT a Virus!)"),
                "avast", Map.of("/w/argus-1.bin\tEICAR Test-NOT virus!!!", "EICAR Test-NOT virus!!!"));
        for (var engine : detections.entrySet()) {
            CliEngine cli = new CliEngine(load(file(engine.getKey())));
            for (var line : engine.getValue().entrySet()) {
                var outcome = cli.outcome(new ProcessRunner.Result(exitCodeForDetection(engine.getKey()),
                        line.getKey() + "\n", "", false), EngineVersions.UNKNOWN);
                assertThat(outcome.threat()).as(engine.getKey() + ": " + line.getKey()).isEqualTo(line.getValue());
                assertThat(outcome.category()).as(engine.getKey()).isEqualTo(Category.MALICIOUS);
            }
        }
    }

    @Test
    void kasperskyCountsDetectionsWithoutAName() throws Exception {
        CliEngine kaspersky = new CliEngine(load(file("kaspersky")));

        var found = kaspersky.outcome(new ProcessRunner.Result(0, "Scanned objects : 1\nTotal detected objects  : 1\n",
                "", false), EngineVersions.UNKNOWN);
        var clean = kaspersky.outcome(new ProcessRunner.Result(0, "Scanned objects : 1\nTotal detected objects  : 0\n",
                "", false), EngineVersions.UNKNOWN);

        assertThat(found.category()).isEqualTo(Category.MALICIOUS);
        assertThat(found.threat()).isNull();
        assertThat(clean.category()).isEqualTo(Category.UNDETECTED);
    }

    @Test
    void versionPatternsReadTheDocumentedVersionOutput() throws IOException {
        CliEngineSpec sophos = load(file("sophos"));
        CliEngineSpec mcafee = load(file("mcafee"));
        String savscan = "Product version           : 9.13.2\nEngine version            : 3.69.3\n"
                + "Virus data version        : 5.41\n";
        String uvscan = "AV Engine version: 5600.1067 for Linux64.\nDat set version: 8135 created Apr 3 2016\n";

        assertThat(sophos.version().find(output(savscan))).contains("3.69.3");
        assertThat(sophos.signatureCommand().find(output(savscan))).contains("5.41");
        assertThat(mcafee.version().find(output(uvscan))).contains("5600.1067");
        assertThat(mcafee.signatureCommand().find(output(uvscan))).contains("8135");
    }

    private static int exitCodeForDetection(String engine) {
        return switch (engine) {
            case "sophos", "fsecure" -> 3;
            case "eset" -> 50;
            case "mcafee" -> 13;
            case "comodo", "drweb" -> 0;
            default -> 1;
        };
    }

    private static ProcessRunner.Result output(String stdout) {
        return new ProcessRunner.Result(0, stdout, "", false);
    }

    private static Path file(String engine) {
        Path tested = CLI.resolve(engine + ".yaml");
        return Files.exists(tested) ? tested : UNTESTED.resolve(engine + ".yaml");
    }

    private static CliEngineSpec load(Path file) {
        ConfigCheck check = new ConfigCheck(file);
        CliEngineSpec spec = CliEngineSpecs.read(file, Map.of(), name -> null, check).orElse(null);
        assertThat(check.problems()).as(file.toString()).isEmpty();
        assertThat(spec.missingEnvironment()).as(file.toString()).isNull();
        return spec;
    }

}
