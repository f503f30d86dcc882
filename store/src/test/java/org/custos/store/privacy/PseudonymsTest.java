package org.custos.store.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed pseudonyms: stable within a data directory, different across secrets, reversible only by lookup. */
class PseudonymsTest {

    @TempDir
    Path tmp;

    @Test
    void givesTheSameIdTheSameReadablePseudonymAcrossOpens() throws IOException {
        String first = Pseudonyms.open(tmp.resolve("a")).of("ACM2278");
        assertThat(first).matches("P-[0-9A-Z]{5}-[0-9A-Z]{5}").doesNotContain("I", "L", "O", "U");
        assertThat(Pseudonyms.isPseudonym(first)).isTrue();
        assertThat(Pseudonyms.open(tmp.resolve("a")).of("ACM2278")).isEqualTo(first);
    }

    @Test
    void givesDifferentPseudonymsUnderDifferentSecrets() throws IOException {
        assertThat(Pseudonyms.open(tmp.resolve("a")).of("ACM2278"))
                .isNotEqualTo(Pseudonyms.open(tmp.resolve("b")).of("ACM2278"));
    }

    @Test
    void givesTenThousandIdsTenThousandPseudonyms() throws IOException {
        Pseudonyms p = Pseudonyms.open(tmp);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(p.of("USR" + i));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void revealsOnlyThroughAListOfKnownIds() throws IOException {
        Pseudonyms p = Pseudonyms.open(tmp);
        String pseudonym = p.of("LKW0123");
        assertThat(p.reveal(pseudonym, List.of("ACM2278", "LKW0123", "ZZZ0001"))).containsExactly("LKW0123");
        assertThat(p.reveal(pseudonym, List.of("ACM2278"))).isEmpty();
    }

    @Test
    void keepsTheSecretReadableByItsOwnerOnly() throws IOException {
        Pseudonyms.open(tmp);
        Path secret = tmp.resolve(Pseudonyms.SECRET_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        try (var files = Files.list(secret.getParent())) {
            assertThat(files).containsExactly(secret);
        }
    }

    @Test
    void refusesADamagedSecret() throws IOException {
        Files.createDirectories(tmp.resolve("privacy"));
        Files.writeString(tmp.resolve(Pseudonyms.SECRET_FILE), "not base64!");
        assertThatThrownBy(() -> Pseudonyms.open(tmp)).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("privacy/pseudonym-secret: not a pseudonym secret (expected 32 bytes in base64)");
    }

    @Test
    void recognisesOnlyThePseudonymForm() {
        assertThat(Pseudonyms.isPseudonym("P-7K3FM-92QXA")).isTrue();
        assertThat(Pseudonyms.isPseudonym("P-7K3F-92QX")).isFalse();
        assertThat(Pseudonyms.isPseudonym("P-7K3FM-92QXI")).isFalse();
        assertThat(Pseudonyms.isPseudonym("ACM2278")).isFalse();
    }
}
