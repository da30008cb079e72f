package dev.argus.frontend.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.frontend.web.ApiException;
import org.junit.jupiter.api.Test;

class HashTests {

    private static final String MD5 = "44d88612fea8a8f36de82e1278abb02f";
    private static final String SHA1 = "3395856ce81f2b7382dee72602f798b642f14140";
    private static final String SHA256 = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    @Test
    void tellsTheKindByLengthAndLowerCasesIt() {
        assertThat(Hash.parse(MD5.toUpperCase())).isEqualTo(new Hash(Hash.Kind.MD5, MD5));
        assertThat(Hash.parse(" " + SHA1 + " ")).isEqualTo(new Hash(Hash.Kind.SHA1, SHA1));
        assertThat(Hash.parse(SHA256)).isEqualTo(new Hash(Hash.Kind.SHA256, SHA256));
    }

    @Test
    void rejectsAnythingElseWith400NamingTheValue() {
        for (String bogus : new String[] {"xyz", MD5.substring(1), MD5 + "0", SHA256.replace('a', 'g'), "", null}) {
            assertThatThrownBy(() -> Hash.parse(bogus))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.slug()).isEqualTo("invalid-hash");
                        assertThat(e.getMessage()).contains("'" + bogus + "'");
                    });
        }
    }

    @Test
    void requiresSha256WhereOnlySha256Will() {
        assertThat(Hash.sha256(SHA256.toUpperCase(), "sha256[0]")).isEqualTo(SHA256);
        assertThatThrownBy(() -> Hash.sha256(MD5, "sha256[3]"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("sha256[3]")
                .hasMessageContaining(MD5);
    }

    @Test
    void acceptsHexPrefixesOfEightCharactersOrMore() {
        assertThat(Hash.prefix("44D88612")).contains("44d88612");
        assertThat(Hash.prefix(SHA256)).contains(SHA256);
        assertThat(Hash.prefix("44d8861")).isEmpty();
        assertThat(Hash.prefix("report.pdf")).isEmpty();
        assertThat(Hash.prefix(SHA256 + "0")).isEmpty();
    }
}
