package dev.argus.probe.engine.hashlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListKindTests {

    @Test
    void tellsBadFromGoodListsByName() {
        assertThat(ListKind.of(Path.of("eicar.bad.txt"))).contains(ListKind.BAD);
        assertThat(ListKind.of(Path.of("Feed.BAD.csv"))).contains(ListKind.BAD);
        assertThat(ListKind.of(Path.of("empty.good.txt"))).contains(ListKind.GOOD);
        assertThat(ListKind.of(Path.of("nsrl-sample.good.csv"))).contains(ListKind.GOOD);
        assertThat(ListKind.of(Path.of("NSRLFile.txt"))).contains(ListKind.GOOD);
    }

    @Test
    void ignoresOtherAndHiddenFiles() {
        assertThat(ListKind.of(Path.of("README.txt"))).isEqualTo(Optional.empty());
        assertThat(ListKind.of(Path.of("eicar.bad.txt.tmp"))).isEmpty();
        assertThat(ListKind.of(Path.of(".eicar.bad.txt"))).isEmpty();
        assertThat(ListKind.of(Path.of("NSRLProd.txt"))).isEmpty();
    }

    @Test
    void labelsAListByItsNameWithoutTheSuffix() {
        assertThat(ListKind.defaultLabel(Path.of("/lists/Emotet-2026.bad.txt"))).isEqualTo("Emotet-2026");
        assertThat(ListKind.defaultLabel(Path.of("NSRLFile.txt"))).isEqualTo("NSRLFile");
    }
}
